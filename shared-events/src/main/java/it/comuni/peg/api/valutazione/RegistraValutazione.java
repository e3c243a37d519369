package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The nucleo's final evaluation of an objective at a date, with its motivazione.
 * {@code valutazioneIndicatori} is the nucleo's own assessment of the indicators, required where the
 * objective has no structured indicator (the query side then uses it as the indicators' share).
 */
public record RegistraValutazione(
        @TargetAggregateIdentifier String ciclo,
        String ente,
        int anno,
        ObiettivoId obiettivoId,
        LocalDate al,
        Percentuale valutazioneIndicatori,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public RegistraValutazione {
        new Lunghezze()
                .testo("ente", ente, Limite.ENTE)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
