package it.comuni.peg.api.smvp;

import it.comuni.peg.api.comune.ValoreNonValido;

import java.time.LocalDate;

/**
 * One measurement period of a year: the {@code numero}-th {@code periodicita} of {@code anno}
 * (the 2nd TRIMESTRE of 2024 runs from 01/04/2024 to 30/06/2024).
 *
 * @throws ValoreNonValido when {@code numero} is outside 1..{@link Periodicita#periodi()}
 */
public record PeriodoMisura(Periodicita periodicita, int anno, int numero) {

    public PeriodoMisura {
        if (periodicita == null) {
            throw new ValoreNonValido("periodicita", "La periodicità del periodo di misura è obbligatoria");
        }
        if (numero < 1 || numero > periodicita.periodi()) {
            throw new ValoreNonValido("numero", "Il periodo " + numero + " non esiste: un anno ha "
                    + periodicita.periodi() + " periodi di tipo " + periodicita.nome());
        }
    }

    /** The whole year, one period. */
    public static PeriodoMisura anno(int anno) {
        return new PeriodoMisura(Periodicita.ANNO, anno, 1);
    }

    public LocalDate inizio() {
        return LocalDate.of(anno, (numero - 1) * periodicita.mesi() + 1, 1);
    }

    public LocalDate fine() {
        return inizio().plusMonths(periodicita.mesi()).minusDays(1);
    }

    /** "2° trimestre 2024", "anno 2024". */
    public String etichetta() {
        return periodicita == Periodicita.ANNO ? "anno " + anno : numero + "° " + periodicita.nome() + " " + anno;
    }
}
