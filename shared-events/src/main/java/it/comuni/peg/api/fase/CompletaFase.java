package it.comuni.peg.api.fase;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Declares a phase completed on a day, with the act that proves it (a determina, a delibera). */
public record CompletaFase(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        int numero,
        LocalDate data,
        String atto) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public CompletaFase {
        new Lunghezze().testo("atto", atto, Limite.ATTO).verifica();
    }
}
