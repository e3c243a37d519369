package it.comuni.peg.api.smvp;

import java.math.BigDecimal;

/**
 * The thresholds of an indicator scored by {@code SOGLIE}, in the indicator's unit. Higher is better:
 * minimo ≤ obiettivo ≤ massimo ≤ eccellenza; lower is better: the other way round
 * ({@link RegoleMetodo} checks it). {@code eccellenza} is optional.
 */
public record Soglie(BigDecimal minimo, BigDecimal obiettivo, BigDecimal massimo, BigDecimal eccellenza) {
}
