package it.comuni.peg.platform.sicurezza;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users held in configuration, passwords as BCrypt hashes ({@code {bcrypt}$2a$...}).
 * {@code demo} users exist only on the embedded default, never on an external database.
 * {@code ruolo} is an installation role only ({@link Ruolo#OPS}, {@link Ruolo#AMMINISTRATORE}); what
 * a user may do in an ente is data (table {@code accesso}). A user's {@code accessi} here are the
 * installation's bootstrap: written at start-up for a user who has no row yet, never again after
 * (see {@link AccessiIniziali}).
 */
@ConfigurationProperties(prefix = "peg.sicurezza")
public record UtentiProperties(List<Utente> utenti, List<Utente> demo) {

    public UtentiProperties {
        utenti = utenti == null ? List.of() : utenti;
        demo = demo == null ? List.of() : demo;
    }

    /**
     * The accounts that sign in with a password here: {@code utenti}, and {@code demo} on the embedded
     * default only (no external database configured). Empty when every person signs in at the ente's
     * identity provider: then the pages offer no password form at all.
     */
    public List<Utente> attivi(org.springframework.core.env.Environment environment) {
        if (!it.comuni.peg.platform.database.SenzaDatabaseEsterno.vale(environment)) {
            return utenti;
        }
        List<Utente> tutti = new java.util.ArrayList<>(utenti);
        tutti.addAll(demo);
        return tutti;
    }

    /** A configured account: name, password hash, installation role (or none), initial accessi. */
    public record Utente(String nome, String password, Ruolo ruolo, List<Accesso> accessi) {

        public Utente {
            accessi = accessi == null ? List.of() : accessi;
            if (ruolo != null && ruolo.diEnte()) {
                throw new IllegalArgumentException("Utente " + nome + ": il ruolo " + ruolo
                        + " si ha in un ente, va indicato tra gli accessi (ente, ruolo, persona)");
            }
        }
    }
}
