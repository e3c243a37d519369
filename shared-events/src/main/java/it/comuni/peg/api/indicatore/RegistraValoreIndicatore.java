package it.comuni.peg.api.indicatore;

import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The value an indicator had on a reference date. */
public record RegistraValoreIndicatore(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String codice,
        BigDecimal valore,
        LocalDate dataRiferimento,
        String note) {
}
