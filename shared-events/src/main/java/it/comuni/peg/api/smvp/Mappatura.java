package it.comuni.peg.api.smvp;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a converted score becomes the score that counts (GZOOM's result mapping):
 * <ul>
 *     <li>{@code COSI_COME}: unchanged;</li>
 *     <li>{@code LIMITA}: clamped to {@code minimo}..{@code massimo};</li>
 *     <li>{@code TETTO}: capped at {@code massimo} (over-achievement beyond it does not count), no floor;</li>
 *     <li>{@code FASCE}: the value of the band the score falls in, or interpolated within it for a
 *     proportional band ({@link Fascia}).</li>
 * </ul>
 */
public record Mappatura(Tipo tipo, BigDecimal minimo, BigDecimal massimo, List<Fascia> fasce) {

    public enum Tipo {
        COSI_COME,
        LIMITA,
        TETTO,
        FASCE
    }

    public Mappatura {
        fasce = Liste.copia(fasce);
    }

    public static final Mappatura COSI_COME = new Mappatura(Tipo.COSI_COME, null, null, null);

    public static Mappatura limita(BigDecimal minimo, BigDecimal massimo) {
        return new Mappatura(Tipo.LIMITA, minimo, massimo, null);
    }

    public static Mappatura tetto(BigDecimal massimo) {
        return new Mappatura(Tipo.TETTO, null, massimo, null);
    }

    public static Mappatura fasce(List<Fascia> fasce) {
        return new Mappatura(Tipo.FASCE, null, null, fasce);
    }
}
