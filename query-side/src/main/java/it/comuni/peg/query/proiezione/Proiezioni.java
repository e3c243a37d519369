package it.comuni.peg.query.proiezione;

import java.util.List;

/** The processing groups of the query side: one per projection. */
public final class Proiezioni {

    public static final String SCHEDA = "scheda";
    public static final String STORICO = "storico";
    public static final String VALUTAZIONE = "valutazione";

    public static final List<String> TUTTE = List.of(SCHEDA, STORICO, VALUTAZIONE);

    private Proiezioni() {
    }
}
