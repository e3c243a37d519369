package it.comuni.peg.api.persona;

import com.fasterxml.jackson.annotation.JsonCreator;
import it.comuni.peg.api.comune.ObiettivoId;

import java.time.LocalDate;

/**
 * A person assigned to the objective for a period. {@code persona} is the identificativo in the ente's
 * organigramma (matricola or codice fiscale), null for a person known by name only: every event
 * recorded before identificativi existed has none (its JSON lacks the field, which reads as null).
 */
public record PersonaAssegnata(
        ObiettivoId obiettivoId,
        String nome,
        String persona,
        String categoria,
        String ruolo,
        LocalDate inizio,
        LocalDate fine) {

    /** The canonical constructor is the one an event is read with (the other would lose {@code persona}). */
    @JsonCreator
    public PersonaAssegnata {
    }

    /** A person known by name only. */
    public PersonaAssegnata(ObiettivoId obiettivoId, String nome, String categoria, String ruolo, LocalDate inizio, LocalDate fine) {
        this(obiettivoId, nome, null, categoria, ruolo, inizio, fine);
    }
}
