package it.comuni.peg.api.comune;


import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Numbers, days and months as every message of the system prints them for an Italian reader (the
 * aggregates' refusals, the SMVP's explanations, the pages): decimal comma and no trailing zeros
 * ("66,67", "100", "-0,5"), no grouping of thousands (a score is no amount of money, and "1.000" would
 * read as one); days dd/mm/yyyy; months by name ("gennaio 2024"), as the PEG's prints write them.
 */
public final class FormaItaliana {

    // uuuu, the proleptic year: yyyy would print a day before year 1 with the year of its era, unsigned
    private static final DateTimeFormatter GIORNO = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    // uuuu: with STRICT, "yyyy" would need an era; 31/02 is refused, not moved to 28/02
    private static final DateTimeFormatter GIORNO_RIGOROSO = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private FormaItaliana() {
    }

    public static String numero(BigDecimal valore) {
        return valore.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /**
     * A count with its noun in the right number: "1 fase", "6 fasi", "0 fasi".
     *
     * @param singolare the noun for one ("fase", "obiettivo", "giorno")
     * @param plurale   the noun for any other count ("fasi", "obiettivi", "giorni")
     */
    public static String quanti(long numero, String singolare, String plurale) {
        return numero + " " + (numero == 1 ? singolare : plurale);
    }

    public static String data(LocalDate giorno) {
        return GIORNO.format(giorno);
    }

    /** {@code gennaio 2024}: the month's Italian name, lower case as Italian writes it, and the year. */
    public static String mese(YearMonth mese) {
        return nomeMese(mese) + " " + mese.getYear();
    }

    /** {@code gennaio}: the month's Italian name alone. */
    public static String nomeMese(YearMonth mese) {
        return mese.getMonth().getDisplayName(TextStyle.FULL, Locale.ITALIAN);
    }

    /**
     * A day a request names, as an Italian writes it ({@code 01/07/2023}) or in ISO-8601 ({@code 2023-07-01}).
     *
     * @throws ValoreNonValido naming {@code parametro} when it is blank or neither
     */
    public static LocalDate leggiData(String valore, String parametro) {
        if (valore == null || valore.isBlank()) {
            throw new ValoreNonValido(parametro, "Il parametro '" + parametro + "' è vuoto");
        }
        String v = valore.strip();
        try {
            return v.contains("/") ? LocalDate.parse(v, GIORNO_RIGOROSO) : LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw new ValoreNonValido(parametro, "Il parametro '" + parametro + "' non è una data GG/MM/AAAA né AAAA-MM-GG: '"
                    + citazione(valore) + "'");
        }
    }

    /** How many characters of the user's input a message quotes at most ({@link #citazione(String)}). */
    public static final int CITAZIONE_MASSIMA = 200;

    /**
     * What a message quotes of the user's input: the input itself up to {@link #CITAZIONE_MASSIMA}
     * characters, else its first {@value #CITAZIONE_MASSIMA} followed by "…". A refusal must stay
     * readable and small whatever was sent (a one-line file of 3 MB as a CSV header, a parameter of
     * a kilobyte): it says where the input is wrong, it does not send it back.
     *
     * @return null for null
     */
    public static String citazione(String testo) {
        return citazione(testo, CITAZIONE_MASSIMA);
    }

    /** {@link #citazione(String)} cut at {@code massimo} characters ({@link Testo#tronca}), then "…". */
    public static String citazione(String testo, int massimo) {
        if (testo == null || testo.length() <= massimo) {
            return testo;
        }
        return Testo.tronca(testo, massimo) + "…";
    }
}
