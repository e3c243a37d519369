package it.comuni.peg.platform.sicurezza;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The identity behind an authentication: the installation's roles from its authorities, the enti,
 * roles and persons from the table {@code accesso} ({@link AccessiUtenti}).
 */
@Component
public class RisolutoreIdentita {

    private final AccessiUtenti accessi;

    public RisolutoreIdentita(AccessiUtenti accessi) {
        this.accessi = accessi;
    }

    /** Empty for no authentication or an anonymous one. */
    public Optional<Identita> identita(Authentication autenticazione) {
        if (autenticazione == null || !autenticazione.isAuthenticated() || autenticazione.getName() == null
                || autenticazione instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<Ruolo> installazione = autenticazione.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .filter(nome -> Arrays.stream(Ruolo.values()).anyMatch(r -> r.name().equals(nome) && !r.diEnte()))
                .map(Ruolo::valueOf)
                .collect(Collectors.toSet());
        return Optional.of(new Identita(autenticazione.getName(), accessi.di(autenticazione.getName()), installazione));
    }
}
