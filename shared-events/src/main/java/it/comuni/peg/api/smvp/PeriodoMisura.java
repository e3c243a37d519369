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

    /**
     * The period a code names: "2024" the year, "2024-S1" a semester, "2024-Q2" a quarter, "2024-04" or "04/2024" a month,
     * "2024-B3" a bimestre, "2024-T2" a quadrimestre.
     *
     * @throws ValoreNonValido on field {@code campo} when the code is none of these
     */
    public static PeriodoMisura leggi(String codice, String campo) {
        String letto = codice == null ? "" : codice.strip();
        // a month as an Italian writes it, 04/2024, is the month 2024-04
        java.util.regex.Matcher italiano = java.util.regex.Pattern.compile("(\\d{2})/(\\d{4})").matcher(letto);
        if (italiano.matches()) {
            letto = italiano.group(2) + "-" + italiano.group(1);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:-(S|Q|B|T)?(\\d{1,2}))?").matcher(letto);
        if (!m.matches() || (m.group(2) == null && m.group(3) != null && m.group(3).length() != 2)) {
            throw new ValoreNonValido(campo, "Periodo di misura non leggibile: \"" + codice
                    + "\" (si scrive 2024 per l'anno, 2024-S1 per un semestre, 2024-Q2 per un trimestre, 04/2024 per un mese)");
        }
        int anno = Integer.parseInt(m.group(1));
        if (m.group(3) == null) {
            return anno(anno);
        }
        Periodicita periodicita = m.group(2) == null ? Periodicita.MESE : switch (m.group(2)) {
            case "S" -> Periodicita.SEMESTRE;
            case "Q" -> Periodicita.TRIMESTRE;
            case "B" -> Periodicita.BIMESTRE;
            default -> Periodicita.QUADRIMESTRE;
        };
        int numero = Integer.parseInt(m.group(3));
        if (numero < 1 || numero > periodicita.periodi()) {
            throw new ValoreNonValido(campo, "Il periodo " + codice.strip() + " non esiste: un anno ha "
                    + periodicita.periodi() + " periodi di tipo " + periodicita.nome());
        }
        return new PeriodoMisura(periodicita, anno, numero);
    }

    /** The code {@link #leggi} reads back: "2024", "2024-S1", "2024-Q2", "2024-04", "2024-B3" (bimestre), "2024-T2" (quadrimestre). */
    public String codice() {
        return switch (periodicita) {
            case ANNO -> String.valueOf(anno);
            case SEMESTRE -> anno + "-S" + numero;
            case TRIMESTRE -> anno + "-Q" + numero;
            case MESE -> anno + "-" + String.format("%02d", numero);
            case BIMESTRE -> anno + "-B" + numero;
            case QUADRIMESTRE -> anno + "-T" + numero;
        };
    }

    public LocalDate inizio() {
        return LocalDate.of(anno, (numero - 1) * periodicita.mesi() + 1, 1);
    }

    public LocalDate fine() {
        return inizio().plusMonths(periodicita.mesi()).minusDays(1);
    }

    /** {@link #etichetta()} after "di" with its article: "del 2° trimestre 2024", "dell'anno 2024". */
    public String dellEtichetta() {
        return (periodicita == Periodicita.ANNO ? "dell'" : "del ") + etichetta();
    }

    /** "2° trimestre 2024", "anno 2024". */
    public String etichetta() {
        return periodicita == Periodicita.ANNO ? "anno " + anno : numero + "° " + periodicita.nome() + " " + anno;
    }
}
