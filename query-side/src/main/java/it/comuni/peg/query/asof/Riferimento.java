package it.comuni.peg.query.asof;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a read of scores refers to, from its {@code al} and {@code asOf} parameters.
 *
 * @param al       the day the scores refer to; null when the request names none (the service then takes
 *                 the day of {@code istante})
 * @param istante  the instant whose knowledge the read uses ({@link Istanti#conosciutoAl}): now, or the one asked
 * @param live     true when no {@code asOf} was asked: the projections answer, not a replay of the events
 */
public record Riferimento(LocalDate al, Instant istante, boolean live) {

    /**
     * @param al   GG/MM/AAAA or AAAA-MM-GG, or null
     * @param asOf an ISO instant or a date (its end, Europe/Rome), or null for now
     * @throws it.comuni.peg.api.comune.ValoreNonValido naming {@code al} or {@code asOf} when it is neither
     */
    public static Riferimento di(String al, String asOf, Clock clock) {
        return new Riferimento(al == null ? null : Istanti.giorno(al, "al"), Istanti.conosciutoAl(asOf, clock), asOf == null);
    }

    /** {@link #al}, or the day of {@link #istante} when the request named none. */
    public LocalDate giorno() {
        return al != null ? al : Istanti.giornoDi(istante);
    }
}
