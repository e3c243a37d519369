package it.comuni.peg.query.smvp;

import java.math.BigDecimal;

/**
 * One item of a weighted mean: its weight as given, its effective weight (share of the weights of the
 * items that count, 0..1, DECIMAL64, not rounded), its score; {@code esclusa} says why it does not count.
 */
public record Quota(String voce, BigDecimal peso, BigDecimal pesoEffettivo, BigDecimal punti, String esclusa) {
}
