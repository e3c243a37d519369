package it.comuni.peg.web.comune;

import it.comuni.peg.query.asof.Istanti;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The day a PEG's situation is shown at when no date is chosen: today for the current year (or a future
 * one), the last day of the year for a past year. A closed year read today would show every phase not
 * completed by 31 December as "superata" for ever; at its end it shows what the year achieved.
 */
public final class GiornoDelPeg {

    private GiornoDelPeg() {
    }

    /** @return {@code oggi}, or 31/12 of {@code anno} when that year is over */
    public static LocalDate di(int anno, LocalDate oggi) {
        return anno < oggi.getYear() ? LocalDate.of(anno, 12, 31) : oggi;
    }

    /**
     * The day a page or a print of the PEG of {@code anno} shows, and the day its file name carries: the day
     * of {@code istante} (Italian time) when a moment was asked for ("com'era il"), else {@link #di} of today.
     *
     * @param istante the instant asked for, {@code null} when none was (a live read)
     * @param adesso  the clock's now
     */
    public static LocalDate mostrato(int anno, Instant istante, Instant adesso) {
        return istante != null ? Istanti.giornoDi(istante) : di(anno, Istanti.giornoDi(adesso));
    }

    /** Whether {@link #di} moved the day back to the end of a past year (and the page must say so). */
    public static boolean fineAnno(int anno, LocalDate oggi) {
        return anno < oggi.getYear();
    }
}
