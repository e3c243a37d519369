package it.comuni.peg.api.persona;

import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Ends, on the given day, the assignment of a person that is running on that day. */
public record TerminaAssegnazione(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String nome,
        LocalDate fine) {
}
