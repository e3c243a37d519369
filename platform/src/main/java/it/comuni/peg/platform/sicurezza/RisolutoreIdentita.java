package it.comuni.peg.platform.sicurezza;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The identity behind an authentication: the installation's roles from its authorities; the enti, roles
 * and persons from the identity provider's claims when it emits them ({@link Rivendicazioni#accessi}),
 * else from the table {@code accesso} ({@link AccessiUtenti}); how the person signed in from the token's
 * {@code iss} and {@code auth_time}, or from Spring Security's factor authority (a password sign-in).
 */
@Component
public class RisolutoreIdentita {

    private final AccessiUtenti accessi;
    private final Rivendicazioni rivendicazioni;

    public RisolutoreIdentita(AccessiUtenti accessi, Rivendicazioni rivendicazioni) {
        this.accessi = accessi;
        this.rivendicazioni = rivendicazioni;
    }

    /** Empty for no authentication or an anonymous one. */
    public Optional<Identita> identita(Authentication autenticazione) {
        if (autenticazione == null || !autenticazione.isAuthenticated() || autenticazione.getName() == null
                || autenticazione instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<Ruolo> installazione = autenticazione.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .filter(nome -> Arrays.stream(Ruolo.values()).anyMatch(r -> r.name().equals(nome) && !r.diEnte()))
                .map(Ruolo::valueOf)
                .collect(Collectors.toSet());
        String utente = autenticazione.getName();
        Map<String, Object> claims = claims(autenticazione);
        if (claims != null) {
            Provenienza.Modo modo = autenticazione instanceof JwtAuthenticationToken
                    ? Provenienza.Modo.TOKEN : Provenienza.Modo.OPENID_CONNECT;
            Accessi daiClaim = rivendicazioni.accessi(claims).orElseGet(() -> accessi.di(utente));
            return Optional.of(new Identita(utente, daiClaim, installazione, Rivendicazioni.provenienza(modo, claims)));
        }
        return Optional.of(new Identita(utente, accessi.di(utente), installazione, password(autenticazione)));
    }

    private static Map<String, Object> claims(Authentication autenticazione) {
        if (autenticazione instanceof JwtAuthenticationToken jwt) {
            return jwt.getTokenAttributes();
        }
        return autenticazione.getPrincipal() instanceof OidcUser oidc ? oidc.getClaims() : null;
    }

    /** A password sign-in (form or HTTP Basic): Spring Security 7 records its instant on the factor authority. */
    private static Provenienza password(Authentication autenticazione) {
        Instant quando = autenticazione.getAuthorities().stream()
                .filter(a -> a instanceof FactorGrantedAuthority f
                        && FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(f.getAuthority()))
                .map(a -> ((FactorGrantedAuthority) a).getIssuedAt())
                .findFirst().orElse(null);
        return autenticazione instanceof UsernamePasswordAuthenticationToken
                ? new Provenienza(Provenienza.Modo.PASSWORD, null, quando) : Provenienza.IGNOTA;
    }
}
