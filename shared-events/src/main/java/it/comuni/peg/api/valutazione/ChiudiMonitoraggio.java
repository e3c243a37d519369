package it.comuni.peg.api.valutazione;

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
}
