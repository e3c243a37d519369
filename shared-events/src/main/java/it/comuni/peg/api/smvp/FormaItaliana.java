package it.comuni.peg.api.smvp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Numbers and dates as the method's messages and the scores' explanations print them for an Italian
 * reader: decimal comma and no trailing zeros ("66,67", "100", "-0,5"), no grouping of thousands (a
 * score is no amount of money, and "1.000" would read as one); dates dd/mm/yyyy.
 */
public final class FormaItaliana {

    private static final DateTimeFormatter GIORNO = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FormaItaliana() {
    }

    public static String numero(BigDecimal valore) {
        return valore.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    public static String data(LocalDate giorno) {
        return GIORNO.format(giorno);
    }
}
