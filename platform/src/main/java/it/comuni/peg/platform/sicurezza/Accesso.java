package it.comuni.peg.platform.sicurezza;

import java.util.Objects;

/**
 * One user's standing in one ente: the ente's codice IPA (e.g. {@code c_b648}), the role held there
 * (one of {@link Ruolo#diEnte()}), and the person of the ente's organigramma the user is
 * (matricola or codice fiscale; {@code null} for a user who is nobody in the organigramma, such as
 * an external member of the nucleo).
 */
public record Accesso(String ente, Ruolo ruolo, String persona) {

    public Accesso {
        Objects.requireNonNull(ente, "ente");
        Objects.requireNonNull(ruolo, "ruolo");
        if (!ruolo.diEnte()) {
            throw new IllegalArgumentException("Il ruolo " + ruolo + " è dell'installazione, non di un ente");
        }
        persona = persona == null || persona.isBlank() ? null : persona.strip();
    }
}
