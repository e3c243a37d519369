package it.comuni.peg.api.smvp;

import java.math.BigDecimal;

/**
 * A display band of final scores: from {@code da} (included) to {@code a} (excluded; the last band
 * includes it). GZOOM's default: 0–34 ROSSO, 34–74 GIALLO, 74–100 VERDE.
 */
public record FasciaColore(BigDecimal da, BigDecimal a, Colore colore, String etichetta) {

    public enum Colore {
        ROSSO,
        ARANCIONE,
        GIALLO,
        VERDE,
        BLU
    }
}
