package it.comuni.peg.api.indicatore;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value an indicator had on a reference date, of one kind: a number ({@code valore}), a ratio
 * ({@code numeratore} and {@code denominatore}), a date ({@code data}) or a yes/no ({@code si}); optionally
 * the measurement period it is for ({@code periodo}: "2023", "2023-S1", "2023-Q2", "2023-04", read by
 * {@link it.comuni.peg.api.smvp.PeriodoMisura#leggi}). The objective refuses, naming the field, no value,
 * two kinds at once, half a ratio, a zero denominator, an unreadable period.
 */
public record RegistraValoreIndicatore(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String codice,
        BigDecimal valore,
        LocalDate dataRiferimento,
        String note,
        BigDecimal numeratore,
        BigDecimal denominatore,
        LocalDate data,
        Boolean si,
        String periodo) {

    /** Refuses, naming each field, texts beyond their {@link Limite} and numbers beyond its digits. */
    public RegistraValoreIndicatore {
        // the code names an indicator already defined (perhaps before today's limits): it is no new text
        new Lunghezze().testo("note", note, Limite.NOTE).numero("valore", valore)
                .numero("numeratore", numeratore).numero("denominatore", denominatore).verifica();
    }

    /** A plain number, placed by its reference date. */
    public RegistraValoreIndicatore(ObiettivoId obiettivoId, String codice, BigDecimal valore, LocalDate dataRiferimento,
                                    String note) {
        this(obiettivoId, codice, valore, dataRiferimento, note, null, null, null, null, null);
    }
}
