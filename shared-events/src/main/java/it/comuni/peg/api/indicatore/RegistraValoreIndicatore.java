package it.comuni.peg.api.indicatore;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
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

    /** Refuses, naming each field, texts beyond their {@link Limite} and numbers beyond its digits. */
    public RegistraValoreIndicatore {
        // the code names an indicator already defined (perhaps before today's limits): it is no new text
        new Lunghezze().testo("note", note, Limite.NOTE).numero("valore", valore).verifica();
    }
}
