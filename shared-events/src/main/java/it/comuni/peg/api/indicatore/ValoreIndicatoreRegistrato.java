package it.comuni.peg.api.indicatore;

import it.comuni.peg.api.comune.ObiettivoId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A value of an indicator was recorded. Exactly one kind of value is present:
 * <ul>
 *     <li>a number: {@code valore};</li>
 *     <li>a ratio: {@code numeratore} and {@code denominatore} (never 0), {@code valore} their quotient at
 *     {@link it.comuni.peg.api.comune.Limite#DECIMALI} decimals (half up), for the views that read numbers;</li>
 *     <li>a date: {@code data}, {@code valore} null;</li>
 *     <li>a yes/no: {@code si}, {@code valore} 1 or 0.</li>
 * </ul>
 * {@code periodo} is the measurement period the value is for ("2023-Q2", {@link it.comuni.peg.api.smvp.PeriodoMisura#codice()}),
 * null when only {@code dataRiferimento} places it. Events stored before the typed values carry neither
 * the typed fields nor the period: they read back as numbers placed by their reference date.
 */
public record ValoreIndicatoreRegistrato(
        ObiettivoId obiettivoId,
        String codice,
        BigDecimal valore,
        LocalDate dataRiferimento,
        String note,
        BigDecimal numeratore,
        BigDecimal denominatore,
        LocalDate data,
        Boolean si,
        String periodo) {

    /** A plain number, placed by its reference date. */
    public ValoreIndicatoreRegistrato(ObiettivoId obiettivoId, String codice, BigDecimal valore, LocalDate dataRiferimento,
                                      String note) {
        this(obiettivoId, codice, valore, dataRiferimento, note, null, null, null, null, null);
    }
}
