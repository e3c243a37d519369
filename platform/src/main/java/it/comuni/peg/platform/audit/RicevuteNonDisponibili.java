package it.comuni.peg.platform.audit;

/**
 * No key to sign checkpoints or to verify receipts with (an external database with none configured,
 * see {@link Firmatario}): 503 on the API, with the reason in Italian.
 */
public class RicevuteNonDisponibili extends RuntimeException {

    public RicevuteNonDisponibili(String messaggio) {
        super(messaggio);
    }
}
