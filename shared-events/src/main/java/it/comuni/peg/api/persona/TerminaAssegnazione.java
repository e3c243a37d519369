package it.comuni.peg.api.persona;

import com.fasterxml.jackson.annotation.JsonCreator;
import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.organigramma.Codici;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Ends, on the given day, the assignment of a person that is running on that day. The person is named
 * by {@code persona} (identificativo in the organigramma) when given, else by {@code nome}.
 */
public record TerminaAssegnazione(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String nome,
        String persona,
        LocalDate fine) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    @JsonCreator
    public TerminaAssegnazione {
        if (persona != null && !persona.isBlank()) {
            Codici.persona(persona, "persona");
        }
        new Lunghezze().testo("nome", nome, Limite.PERSONA).verifica();
    }

    /** A person known by name only. */
    public TerminaAssegnazione(ObiettivoId obiettivoId, String nome, LocalDate fine) {
        this(obiettivoId, nome, null, fine);
    }
}
