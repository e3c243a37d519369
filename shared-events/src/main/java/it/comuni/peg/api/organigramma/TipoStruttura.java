package it.comuni.peg.api.organigramma;

/** The two levels of an ente's organisation: a settore (led by a dirigente) and an ufficio within a settore. */
public enum TipoStruttura {
    SETTORE,
    UFFICIO
}
