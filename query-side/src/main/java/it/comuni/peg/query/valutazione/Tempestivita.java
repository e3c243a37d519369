package it.comuni.peg.query.valutazione;

/** Timeliness, reported beside the score (DOMAIN.md): completed early, on time, or late. */
public enum Tempestivita {
    IN_ANTICIPO,
    IN_LINEA,
    IN_RITARDO
}
