package it.comuni.peg.web.stampa;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * The PDF's line breaker: openhtmltopdf's own ({@link UrlAwareLineBreakIterator}, which may break after any
 * "/" so that long addresses wrap), except between a "/" and the digits around it. A date dd/mm/yyyy in a
 * narrow cell would otherwise wrap as "31/03" and "/2023", and read (and be extracted from the PDF) as two.
 */
final class DateIntere implements FSTextBreaker {

    private final FSTextBreaker delegato = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.ITALIAN));
    private String testo = "";

    @Override
    public int next() {
        int p = delegato.next();
        while (p != BreakIterator.DONE && dentroUnNumero(p)) {
            p = delegato.next();
        }
        return p;
    }

    @Override
    public void setText(String nuovo) {
        testo = nuovo;
        delegato.setText(nuovo);
    }

    /** A break just before or just after a "/" that has a digit on both sides (the delegate offers both). */
    private boolean dentroUnNumero(int p) {
        return barraTraCifre(p) || barraTraCifre(p - 1);
    }

    private boolean barraTraCifre(int i) {
        return i >= 1 && i + 1 < testo.length() && testo.charAt(i) == '/'
                && Character.isDigit(testo.charAt(i - 1)) && Character.isDigit(testo.charAt(i + 1));
    }
}
