package it.comuni.peg.query.proiezione;

import java.util.List;

/** The processing groups of the query side: one per projection. */
public final class Proiezioni {

    public static final String SCHEDA = "scheda";
    public static final String STORICO = "storico";
    /** The enti's organigrammi over time: strutture, persone, incarichi ({@code query.organigramma}). */
    public static final String ORGANIGRAMMA = "organigramma";

    /**
     * The evaluation has no projection of its own: the method and the nucleo's acts are read from
     * the short stream of the ente's CicloValutazione, cut at the instant asked for.
     */
    public static final List<String> TUTTE = List.of(SCHEDA, STORICO, ORGANIGRAMMA);

    private Proiezioni() {
    }
}
