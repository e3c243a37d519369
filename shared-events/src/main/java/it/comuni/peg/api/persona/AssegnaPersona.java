package it.comuni.peg.api.persona;

import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Assigns a member of staff to the objective for a period ("Persone assegnate" of the print). */
public record AssegnaPersona(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String nome,
        String categoria,
        String ruolo,
        LocalDate inizio,
        LocalDate fine) {
}
