package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Testo;
import it.comuni.peg.api.comune.ValoreNonValido;

/**
 * The evaluation cycle of an ente for a year: the aggregate that records the nucleo's acts and the
 * method's parameters. Its identifier is derived from ente and anno, so every command about the
 * same PEG lands on the same stream.
 */
public final class CicloValutazioneId {

    /** The event store's aggregate_identifier (and the dead-letter queue's sequence) hold 255 characters. */
    private static final int LUNGHEZZA_MASSIMA = 255;

    private CicloValutazioneId() {
    }

    /** Refuses, as a 400 on {@code ente}, an ente whose cycle id the event store could not hold. */
    public static String di(String ente, int anno) {
        Testo.richiesto(ente, "ente");
        String id = "valutazione:" + ente.strip().replaceAll("\\s+", " ") + ":" + anno;
        if (id.codePointCount(0, id.length()) > LUNGHEZZA_MASSIMA) {
            throw new ValoreNonValido("ente", "Il nome dell'ente è troppo lungo per un ciclo di valutazione");
        }
        return id;
    }
}
