package it.comuni.peg.api.consuntivo;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;

/** Corrects the consuntivo of a month; the original stays in the history. */
public record RettificaConsuntivo(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        int fase,
        YearMonth mese,
        boolean svolta,
        Percentuale percentuale,
        String note,
        String atto,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public RettificaConsuntivo {
        new Lunghezze()
                .testo("note", note, Limite.NOTE)
                .testo("atto", atto, Limite.ATTO)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
