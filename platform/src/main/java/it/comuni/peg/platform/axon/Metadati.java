package it.comuni.peg.platform.axon;

/** The metadata keys every command and event carries. */
public final class Metadati {

    /** The authenticated user, from the security context, never from a request body. */
    public static final String UTENTE = "utente";
    /** The role under which the user acted. */
    public static final String RUOLO = "ruolo";
    /** The person of the PEG the user is (e.g. a dirigente's name), when the account is linked to one. */
    public static final String PERSONA = "persona";
    /** The client's Idempotency-Key header, when it sent one. */
    public static final String CHIAVE_IDEMPOTENZA = "chiaveIdempotenza";
    /** The id of the HTTP request (X-Request-Id, or one made up), for tracing across logs. */
    public static final String RICHIESTA = "richiesta";

    private Metadati() {
    }
}
