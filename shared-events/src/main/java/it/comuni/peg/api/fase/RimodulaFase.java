package it.comuni.peg.api.fase;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Re-plans a phase: new dates and/or months, with a mandatory motivazione. */
public record RimodulaFase(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        int numero,
        LocalDate inizio,
        LocalDate fine,
        List<YearMonth> mesiPrevisti,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public RimodulaFase {
        new Lunghezze().motivazione("motivazione", motivazione).verifica();
    }
}
