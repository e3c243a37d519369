package it.comuni.peg.api.smvp;

import java.math.BigDecimal;

/**
 * A band of a scale (PERFORM+'s bands): values from {@code da} (included) to {@code a} (excluded; the
 * last band of a list includes its {@code a}) score {@code valore}; a {@code proporzionale} band scores
 * instead linearly from {@code valoreDa} at {@code da} to {@code valore} at {@code a}. Only the first band
 * of a list may leave {@code da} open (from minus infinity), only the last may leave {@code a} open; the
 * bands of a list follow each other without gaps ({@link RegoleMetodo}). A value below the first band
 * takes the first band, above the last takes the last.
 *
 * @param da            lower end, in the unit of the scale (points, coefficient, days of delay); null = open
 * @param a             upper end; null = open
 * @param valore        the band's score (for a proportional band: the score at {@code a})
 * @param proporzionale null or false: a fixed value; true: interpolated (both ends and {@code valoreDa} needed)
 * @param valoreDa      the score at {@code da} of a proportional band
 */
public record Fascia(BigDecimal da, BigDecimal a, BigDecimal valore, Boolean proporzionale, BigDecimal valoreDa) {

    /** A band with a fixed value. */
    public static Fascia fissa(BigDecimal da, BigDecimal a, BigDecimal valore) {
        return new Fascia(da, a, valore, null, null);
    }

    public boolean interpolata() {
        return Boolean.TRUE.equals(proporzionale);
    }
}
