package it.comuni.peg.api.fase;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Plans a phase. {@code mesiPrevisti} are the months marked in the cronoprogramma; when absent they
 * follow from the dates. Dates may both be absent (the print has phases without dates).
 */
public record PianificaFase(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        int numero,
        String titolo,
        String descrizione,
        LocalDate inizio,
        LocalDate fine,
        List<YearMonth> mesiPrevisti) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public PianificaFase {
        new Lunghezze()
                .testo("titolo", titolo, Limite.TITOLO)
                .testo("descrizione", descrizione, Limite.DESCRIZIONE)
                .verifica();
    }
}
