package it.comuni.peg.platform.sicurezza;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which claims of the ente's identity provider carry what this system needs, the same for the
 * browser's sign-in (OpenID Connect, the ID token and user info) and for the API's bearer tokens
 * (JWT access tokens). Read by {@link Rivendicazioni}.
 * <ul>
 *   <li>{@code utente} (default {@code preferred_username}): the account's name, recorded on every
 *       event the person causes and the key of the table {@code accesso}; required — a token or an ID
 *       token without it is refused (401, naming the claim).</li>
 *   <li>{@code installazione} (default {@code ruolo}): an installation's role ({@code OPS},
 *       {@code AMMINISTRATORE}), a string or a list of strings.</li>
 *   <li>{@code persona} (none by default): the person's identifier in the ente's organigramma
 *       (matricola or codice fiscale), used with {@code accessi}.</li>
 *   <li>{@code accessi} (none by default): the enti and roles, a list of strings {@code ente:RUOLO} (or
 *       {@code ente.RUOLO}, for providers whose role values take no colon, such as Entra ID's app roles),
 *       e.g. {@code ["c_b648:DIRIGENTE", "c_a001:NUCLEO"]}. When it is configured and the token carries
 *       it, it is the user's whole standing (the table {@code accesso} is not read); when the provider
 *       cannot emit it, the mapping kept by the controllo di gestione in the table {@code accesso}
 *       applies.</li>
 * </ul>
 * The provider itself is Spring Boot's standard configuration:
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} for the API and
 * {@code spring.security.oauth2.client.registration.*} / {@code .provider.*} for the pages.
 */
@ConfigurationProperties(prefix = "peg.sicurezza.claim")
public record ClaimProperties(String utente, String installazione, String persona, String accessi) {

    public ClaimProperties {
        utente = vuoto(utente) ? "preferred_username" : utente;
        installazione = vuoto(installazione) ? "ruolo" : installazione;
        persona = vuoto(persona) ? null : persona;
        accessi = vuoto(accessi) ? null : accessi;
    }

    private static boolean vuoto(String s) {
        return s == null || s.isBlank();
    }
}
