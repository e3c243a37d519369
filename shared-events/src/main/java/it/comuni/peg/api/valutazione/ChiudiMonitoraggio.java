package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The nucleo closes the monitoraggio intermedio at a date (typically 30/06): from then on the
 * evaluation at that date is the one known when it was closed, whatever is recorded later.
 */
public record ChiudiMonitoraggio(
        @TargetAggregateIdentifier String ciclo,
        String ente,
        int anno,
        LocalDate data,
        String note) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public ChiudiMonitoraggio {
        new Lunghezze()
                .testo("ente", ente, Limite.ENTE)
                .testo("note", note, Limite.NOTE)
                .verifica();
    }
}
