package it.comuni.peg.api.indicatore;

/** Whether a higher value of an indicator is better (CRESCENTE) or a lower one (DECRESCENTE). */
public enum Direzione {
    CRESCENTE,
    DECRESCENTE
}
