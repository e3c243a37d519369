package it.comuni.peg.api.indicatore;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An indicator of the objective was defined: its target is {@code valoreAtteso} (a number) or, for an
 * indicator scored against a date, {@code dataAttesa} (then {@code valoreAtteso} is null);
 * {@code valoreAnnoPrecedente} the previous year's actual when recorded with the plan (null: found in the
 * previous year's PEG by the indicator's code, or unknown). Events stored before these two fields read them as null.
 */
public record IndicatoreDefinito(
        ObiettivoId obiettivoId,
        String codice,
        String nome,
        String unita,
        BigDecimal valoreAtteso,
        Direzione direzione,
        Peso peso,
        LocalDate dataAttesa,
        BigDecimal valoreAnnoPrecedente) {

    /** An indicator with a numeric target and no recorded previous year's actual. */
    public IndicatoreDefinito(ObiettivoId obiettivoId, String codice, String nome, String unita, BigDecimal valoreAtteso,
                              Direzione direzione, Peso peso) {
        this(obiettivoId, codice, nome, unita, valoreAtteso, direzione, peso, null, null);
    }
}
