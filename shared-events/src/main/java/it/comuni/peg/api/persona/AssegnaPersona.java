package it.comuni.peg.api.persona;

import com.fasterxml.jackson.annotation.JsonCreator;
import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.organigramma.Codici;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Assigns a member of staff to the objective for a period ("Persone assegnate" of the print).
 * {@code persona} is the person's identificativo in the ente's organigramma (matricola or codice
 * fiscale), optional: when given and the ente has an organigramma, the person must exist there (404
 * otherwise) and the name is the organigramma's, so {@code nome} may be left out; without it the
 * person is known by {@code nome} alone, as the print names them.
 */
public record AssegnaPersona(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String nome,
        String persona,
        String categoria,
        String ruolo,
        LocalDate inizio,
        LocalDate fine) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    @JsonCreator
    public AssegnaPersona {
        // an identificativo is as long as the organigramma's (Codici.PERSONA: a provisional one is 32)
        if (persona != null && !persona.isBlank()) {
            Codici.persona(persona, "persona");
        }
        new Lunghezze()
                .testo("nome", nome, Limite.PERSONA)
                .testo("categoria", categoria, Limite.CATEGORIA)
                .testo("ruolo", ruolo, Limite.RUOLO)
                .verifica();
    }

    /** A person known by name only (the print, the forms that ask for a name). */
    public AssegnaPersona(ObiettivoId obiettivoId, String nome, String categoria, String ruolo, LocalDate inizio, LocalDate fine) {
        this(obiettivoId, nome, null, categoria, ruolo, inizio, fine);
    }
}
