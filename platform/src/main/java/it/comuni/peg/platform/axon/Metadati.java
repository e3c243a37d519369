package it.comuni.peg.platform.axon;

/** The metadata keys every command and event carries. */
public final class Metadati {

    /** The authenticated user, from the security context, never from a request body. */
    public static final String UTENTE = "utente";
    /**
     * Every ente the user acts in, with role and person there ({@code Accessi#codifica()}): on the
     * command only. The handler picks the standing in the ente the command concerns and stamps it as
     * {@link #RUOLO}, {@link #PERSONA} and {@link #ENTE}, which the events then carry.
     */
    public static final String ACCESSI = "accessi";
    /** The installation's roles of the user ({@code OPS}, {@code AMMINISTRATORE}), comma-separated: on the command only. */
    public static final String INSTALLAZIONE = "installazione";
    /** The ente (codice IPA) in which the user acted. */
    public static final String ENTE = "ente";
    /** The role under which the user acted. */
    public static final String RUOLO = "ruolo";
    /**
     * The person of the ente's organigramma the user is (matricola or codice fiscale), when the
     * account is linked to one; on events recorded before the organigramma, a name as the PEG printed it.
     */
    public static final String PERSONA = "persona";
    /**
     * How the user had signed in ({@code Provenienza.Modo}: {@code OPENID_CONNECT}, {@code TOKEN},
     * {@code PASSWORD}), with {@link #EMITTENTE} and {@link #AUTENTICATO_IL}: on the command and its events.
     */
    public static final String AUTENTICAZIONE = "autenticazione";
    /** The identity provider that vouched for the user (the issuer, {@code iss}); absent for a password user. */
    public static final String EMITTENTE = "emittente";
    /** When the user authenticated (ISO-8601 instant: the token's {@code auth_time}, or the password sign-in). */
    public static final String AUTENTICATO_IL = "autenticatoIl";
    /** The client's Idempotency-Key header, when it sent one. */
    public static final String CHIAVE_IDEMPOTENZA = "chiaveIdempotenza";
    /**
     * The fingerprint (SHA-256, hex) of the HTTP request that sent the command with its
     * Idempotency-Key: only on a command that claims the key, so that a retry can be told from a
     * different request under the same key. A command attribute, never copied onto events.
     */
    public static final String IMPRONTA_RICHIESTA = "improntaRichiesta";
    /** The id of the HTTP request (X-Request-Id, or one made up), for tracing across logs. */
    public static final String RICHIESTA = "richiesta";

    /**
     * "true" on every command and event of the demo's simulated year (and only there): its timestamp
     * is the instant the simulation says it would have been recorded, not the instant it was.
     */
    public static final String SIMULAZIONE = "simulazione";
    /** The simulated recording instant (ISO-8601), beside {@link #SIMULAZIONE}. */
    public static final String REGISTRATO_IL = "registratoIl";

    private Metadati() {
    }
}
