package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Testo;

/**
 * The evaluation cycle of an ente for a year: the aggregate that records the nucleo's acts and the
 * method's parameters. Its identifier is derived from ente and anno, so every command about the
 * same PEG lands on the same stream.
 */
public final class CicloValutazioneId {

    private CicloValutazioneId() {
    }

    public static String di(String ente, int anno) {
        Testo.richiesto(ente, "ente");
        return "valutazione:" + ente.strip().replaceAll("\\s+", " ") + ":" + anno;
    }
}
