package it.comuni.peg.platform.sicurezza;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users held in configuration, passwords as BCrypt hashes ({@code {bcrypt}$2a$...}).
 * {@code demo} users exist only on the embedded default, never on an external database.
 */
@ConfigurationProperties(prefix = "peg.sicurezza")
public record UtentiProperties(List<Utente> utenti, List<Utente> demo) {

    public UtentiProperties {
        utenti = utenti == null ? List.of() : utenti;
        demo = demo == null ? List.of() : demo;
    }

    /** {@code persona}: who the user is in the PEG (e.g. "GENTILI LUCA"), for the objectives they lead. */
    public record Utente(String nome, String password, Ruolo ruolo, String persona) {
    }
}
