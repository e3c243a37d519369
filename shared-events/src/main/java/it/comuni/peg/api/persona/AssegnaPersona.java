package it.comuni.peg.api.persona;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
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

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public AssegnaPersona {
        new Lunghezze()
                .testo("nome", nome, Limite.PERSONA)
                .testo("categoria", categoria, Limite.CATEGORIA)
                .testo("ruolo", ruolo, Limite.RUOLO)
                .verifica();
    }
}
