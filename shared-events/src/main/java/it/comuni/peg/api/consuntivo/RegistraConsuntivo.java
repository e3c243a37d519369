package it.comuni.peg.api.consuntivo;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;

/**
 * What was really done on a phase in a month: whether it was worked on ({@code svolta}, the
 * Consuntivo row of the cronoprogramma) and its cumulative progress.
 */
public record RegistraConsuntivo(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        int fase,
        YearMonth mese,
        boolean svolta,
        Percentuale percentuale,
        String note,
        String atto) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public RegistraConsuntivo {
        new Lunghezze()
                .testo("note", note, Limite.NOTE)
                .testo("atto", atto, Limite.ATTO)
                .verifica();
    }
}
