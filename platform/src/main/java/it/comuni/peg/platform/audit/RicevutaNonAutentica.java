package it.comuni.peg.platform.audit;

/**
 * A receipt whose signature (or timestamp) does not verify with the configured key: it proves nothing
 * about the store, so the verification stops there (422 on the API, exit code 4 on the command line).
 * The message, in Italian, names the receipt by its position (from 1) and index.
 */
public class RicevutaNonAutentica extends RuntimeException {

    public RicevutaNonAutentica(String messaggio) {
        super(messaggio);
    }
}
