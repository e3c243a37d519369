package it.comuni.peg.platform.sicurezza;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The identity behind an authentication: role from its authorities, person from configuration. */
@Component
public class RisolutoreIdentita {

    private final Map<String, String> personePerUtente;

    public RisolutoreIdentita(UtentiProperties utenti) {
        this.personePerUtente = Stream.concat(utenti.utenti().stream(), utenti.demo().stream())
                .filter(u -> u.persona() != null && !u.persona().isBlank())
                .collect(Collectors.toMap(UtentiProperties.Utente::nome, UtentiProperties.Utente::persona, (a, b) -> a));
    }

    public Optional<Identita> identita(Authentication autenticazione) {
        if (autenticazione == null || !autenticazione.isAuthenticated() || autenticazione.getName() == null) {
            return Optional.empty();
        }
        Ruolo ruolo = autenticazione.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .filter(nome -> Arrays.stream(Ruolo.values()).anyMatch(r -> r.name().equals(nome)))
                .map(Ruolo::valueOf)
                .findFirst()
                .orElse(null);
        String persona = autenticazione instanceof ConPersona conPersona
                ? conPersona.persona() : personePerUtente.get(autenticazione.getName());
        return Optional.of(new Identita(autenticazione.getName(), ruolo, persona));
    }

    /** An authentication that knows its person itself (from a token claim). */
    public interface ConPersona {
        String persona();
    }
}
