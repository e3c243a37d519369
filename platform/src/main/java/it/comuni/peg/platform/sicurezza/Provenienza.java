package it.comuni.peg.platform.sicurezza;

import java.time.Instant;

/**
 * How the person acting signed in: the means, who vouched for the identity (the identity provider's
 * issuer, {@code iss}; {@code null} for the installation's own password users) and when the person
 * authenticated ({@code auth_time} of the ID token or access token, else the instant the token was
 * issued; for a password, the sign-in). Stamped on every command and copied onto its events, so that
 * the storico can say how each change's author had signed in (issue of OpenID Connect sign-in; the audit
 * trail of D.Lgs. 82/2005, art. 64 on identities vouched for by SPID/CIE through the ente's provider).
 */
public record Provenienza(Modo modo, String emittente, Instant autenticatoIl) {

    /** Unknown: an authentication that says nothing of how it came about (a system command has none at all). */
    public static final Provenienza IGNOTA = new Provenienza(Modo.IGNOTO, null, null);

    /** The longest issuer kept (storico_voce.emittente): an issuer is an installation's setting, a URL; a longer one is cut. */
    public static final int LUNGHEZZA_MASSIMA_EMITTENTE = 1000;

    public Provenienza {
        modo = modo == null ? Modo.IGNOTO : modo;
        emittente = emittente == null || emittente.isBlank() ? null
                : emittente.codePointCount(0, emittente.length()) <= LUNGHEZZA_MASSIMA_EMITTENTE ? emittente
                : emittente.substring(0, emittente.offsetByCodePoints(0, LUNGHEZZA_MASSIMA_EMITTENTE));
    }

    /** The means of sign-in, with the words the storico shows. */
    public enum Modo {
        /** The browser's sign-in at the ente's identity provider (authorization code with PKCE). */
        OPENID_CONNECT("accesso tramite il fornitore d'identità dell'ente (OpenID Connect)"),
        /** A bearer token of the ente's identity provider, presented to the API. */
        TOKEN("token del fornitore d'identità dell'ente"),
        /** Name and password of a user configured in the installation (form or HTTP Basic). */
        PASSWORD("nome utente e password dell'installazione"),
        IGNOTO("modalità di accesso non registrata");

        private final String descrizione;

        Modo(String descrizione) {
            this.descrizione = descrizione;
        }

        /** In Italian words, as the storico shows it. */
        public String descrizione() {
            return descrizione;
        }
    }
}
