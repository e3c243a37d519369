package it.comuni.peg.query.smvp;

import java.math.BigDecimal;
import java.util.List;

/**
 * The score of one item with its explanation.
 *
 * @param punti       the score that counts (2 decimals); null when the item is left out
 * @param stato       CALCOLATO; FORZATO by the nucleo ({@code calcolato} keeps what the method gave);
 *                    NON_VALUTABILE by the nucleo; MANCANTE (no value, and the method leaves such items
 *                    out); NON_CALCOLABILE (nothing to score it on)
 * @param calcolato   what the method computed (null when nothing could be)
 * @param motivazione the nucleo's, for FORZATO and NON_VALUTABILE
 * @param passi       the explanation, one Italian sentence per step, numbers with decimal comma
 */
public record Esito(BigDecimal punti, Stato stato, BigDecimal calcolato, String motivazione, List<String> passi) {

    public enum Stato {
        CALCOLATO,
        FORZATO,
        NON_VALUTABILE,
        MANCANTE,
        NON_CALCOLABILE
    }

    public Esito {
        passi = List.copyOf(passi);
    }

    /** Whether it takes part in the weighted means above it. */
    public boolean conta() {
        return punti != null;
    }
}
