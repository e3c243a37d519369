package it.comuni.peg.platform.sicurezza;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ente's identity provider puts the user name and the installation's role in its tokens. The provider
 * itself is Spring's standard {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code .jwk-set-uri}: when neither is set, only HTTP Basic is active.
 */
@ConfigurationProperties(prefix = "peg.sicurezza.jwt")
public record JwtProperties(String claimRuolo, String claimUtente) {

    public JwtProperties {
        claimRuolo = claimRuolo == null ? "ruolo" : claimRuolo;
        claimUtente = claimUtente == null ? "preferred_username" : claimUtente;
    }
}
