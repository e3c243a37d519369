package it.comuni.peg.query.scheda;

/**
 * Where an objective or a phase stands on a given day. It depends on that day (a phase becomes late
 * when its planned end passes), so it is never stored: it is computed for the day being viewed.
 */
public enum Stato {
    NON_AVVIATO,
    IN_CORSO,
    IN_RITARDO,
    COMPLETATO
}
