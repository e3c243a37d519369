package it.comuni.peg.api.comune;

/**
 * A command sent with an Idempotency-Key that its sender already used for a different request: a
 * client bug, refused before the command runs (HTTP 422), never taken as a retry of the first.
 */
public class ChiaveRiutilizzata extends RuntimeException {

    public ChiaveRiutilizzata(String messaggio) {
        super(messaggio);
    }
}
