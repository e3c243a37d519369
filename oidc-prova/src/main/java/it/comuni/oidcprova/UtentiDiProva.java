package it.comuni.oidcprova;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The test provider's users, from the classpath resource {@value #RISORSA} (the list {@code utenti}, bound as
 * Spring Boot binds properties). The provider and the tests read them through {@link #carica()}, so a test knows
 * which claims each user's tokens carry without repeating the list.
 */
public record UtentiDiProva(List<UtenteDiProva> utenti) {

    /** The resource the users are read from, at the classpath root (not under a package). */
    public static final String RISORSA = "oidc-prova-utenti.yml";

    public UtentiDiProva {
        utenti = List.copyOf(utenti);
    }

    /**
     * Reads {@value #RISORSA}.
     *
     * @throws UncheckedIOException  when the resource cannot be read
     * @throws IllegalStateException when it holds no {@code utenti}
     */
    public static UtentiDiProva carica() {
        try {
            var sorgenti = new YamlPropertySourceLoader().load(RISORSA, new ClassPathResource(RISORSA));
            List<UtenteDiProva> utenti = new Binder(ConfigurationPropertySources.from(sorgenti))
                    .bind("utenti", Bindable.listOf(UtenteDiProva.class))
                    .orElseThrow(() -> new IllegalStateException(RISORSA + ": nessun utente (chiave utenti)"));
            return new UtentiDiProva(utenti);
        } catch (IOException e) {
            throw new UncheckedIOException(RISORSA + " non leggibile", e);
        }
    }

    /** The user whose login name is {@code utente}, if any. */
    public Optional<UtenteDiProva> trova(String utente) {
        return utenti.stream().filter(u -> u.utente().equals(utente)).findFirst();
    }
}
