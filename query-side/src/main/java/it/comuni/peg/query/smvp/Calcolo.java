package it.comuni.peg.query.smvp;

import it.comuni.peg.api.comune.FormaItaliana;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/** The engine's arithmetic and its printing, in one place (see the package's docstring for the rounding). */
final class Calcolo {

    static final BigDecimal CENTO = BigDecimal.valueOf(100);
    /** Divisions inside a step. */
    static final MathContext MC = MathContext.DECIMAL64;

    private Calcolo() {
    }

    /** A score at the end of its step: 2 decimals, HALF_UP. */
    static BigDecimal punti(BigDecimal valore) {
        return valore.setScale(2, RoundingMode.HALF_UP);
    }

    /** A measured value made by a division (a ratio, a mean): 4 decimals, HALF_UP. */
    static BigDecimal misura(BigDecimal valore) {
        return valore.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    static BigDecimal dividi(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC);
    }

    static String n(BigDecimal valore) {
        return FormaItaliana.numero(valore);
    }

    static String g(LocalDate giorno) {
        return FormaItaliana.data(giorno);
    }

    /** A weight share as a percentage for the reader, 2 decimals: 0,428571… → "42,86%". */
    static String percento(BigDecimal quota) {
        return n(punti(quota.multiply(CENTO))) + "%";
    }
}
