package it.comuni.peg.api.smvp;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a phase scores. Completed by its planned end plus {@code tolleranzaGiorni} (default 0): 100.
 * Completed later: by {@code ritardo}. Not completed at the date: the recorded percentage ×
 * {@code fattoreNonCompletata} (0..1). A phase the method ties to an indicator scores that indicator instead
 * ({@link ObiettivoMetodo.PesoFase#indicatore()}).
 */
public record RegoleFasi(Integer tolleranzaGiorni, BigDecimal fattoreNonCompletata, Ritardo ritardo) {

    /**
     * The penalty for a late completion. {@code PER_MESE}: 100 − {@code penalitaMese} for each 30 days
     * or part of them after the planned end, never below 0 (the rule the system had before). {@code
     * FASCE_GIORNI}: the score of the band the days of delay fall in.
     */
    public record Ritardo(Tipo tipo, BigDecimal penalitaMese, List<Fascia> fasce) {

        public enum Tipo {
            PER_MESE,
            FASCE_GIORNI
        }

        public Ritardo {
            fasce = Liste.copia(fasce);
        }
    }

    /** 0 when absent. */
    public int tolleranza() {
        return tolleranzaGiorni == null ? 0 : tolleranzaGiorni;
    }
}
