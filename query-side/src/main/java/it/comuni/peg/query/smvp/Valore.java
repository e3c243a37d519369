package it.comuni.peg.query.smvp;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A value of an indicator (measured, expected or the previous year's), of the kind its type asks:
 * NUMERO and PERCENTUALE a {@link Numero}, RAPPORTO a {@link Rapporto} (its target a {@link Numero}),
 * DATA a {@link Data}, SI_NO a {@link SiNo}.
 */
public sealed interface Valore {

    record Numero(BigDecimal valore) implements Valore {
    }

    /** Both terms recorded, so that the ratio explains itself; the denominator is never 0 (refused as input). */
    record Rapporto(BigDecimal numeratore, BigDecimal denominatore) implements Valore {
    }

    record Data(LocalDate giorno) implements Valore {
    }

    record SiNo(boolean si) implements Valore {
    }

    static Numero numero(String valore) {
        return new Numero(new BigDecimal(valore));
    }

    static Rapporto rapporto(String numeratore, String denominatore) {
        return new Rapporto(new BigDecimal(numeratore), new BigDecimal(denominatore));
    }
}
