package it.comuni.peg.api.smvp;

import java.math.BigDecimal;
import java.util.List;

/**
 * The weights of objectives in the aggregated scores: within a settore, within an ufficio (known by
 * settore and ufficio: one ufficio code can sit under two settori), within the ente. A group the method
 * does not list weighs its objectives the same; a listed group sums to 100 and an objective it does not
 * name weighs 0 there. The ente's weights also weigh each objective in a person's score (beside the days
 * of assignment).
 */
public record Aggregazioni(List<Gruppo> settori, List<Gruppo> uffici, List<PesoObiettivo> ente) {

    public Aggregazioni {
        settori = Liste.copia(settori);
        uffici = Liste.copia(uffici);
        ente = Liste.copia(ente);
    }

    /** One settore's (ufficio null) or one ufficio's weights. */
    public record Gruppo(String settore, String ufficio, List<PesoObiettivo> obiettivi) {

        public Gruppo {
            obiettivi = Liste.copia(obiettivi);
        }
    }

    public record PesoObiettivo(String obiettivo, BigDecimal peso) {
    }
}
