package it.comuni.peg.api.smvp;

import java.math.BigDecimal;
import java.util.List;

/**
 * A named rule that turns an indicator's measured value into a score; indicators name it by {@code id}.
 * The kinds (GZOOM's conversions, PERFORM+'s date scoring), with A the actual, R the reference (the
 * target, or the previous year's actual when {@code riferimento} is ANNO_PRECEDENTE), T the target and
 * P the previous year's actual:
 * <ul>
 *     <li>{@code PERCENTUALE_OBIETTIVO}: higher is better A / R × 100; lower is better (2 × R − A) / R × 100
 *     ({@code formulaDecrescente} SCARTO, the default) or R / A × 100 (RAPPORTO); a negative R divides by
 *     |R|; R = 0 scores 100 when the direction is met, 0 otherwise;</li>
 *     <li>{@code COEFFICIENTE}: the same divided by 100 (0,8 instead of 80);</li>
 *     <li>{@code SCOSTAMENTO_PERCENTUALE}: (A − R) / |R| × 100, sign turned when lower is better, so that
 *     a positive deviation is always a good one;</li>
 *     <li>{@code SCOSTAMENTO_VALORE}: A − R (R − A when lower is better), in the indicator's unit;</li>
 *     <li>{@code AVANZAMENTO}: progress from the previous year to the target, (A − P) / (T − P) × 100;</li>
 *     <li>{@code SOGLIE}: thresholds of the indicator ({@link Soglie}): below the minimum
 *     {@code sottoMinimo} (default 0), linear 0→100 from minimum to target, 100→200 from target to
 *     maximum, 200→300 from maximum to eccellenza when given; beyond the last threshold the value there
 *     (200, or 300) as a cap;</li>
 *     <li>{@code DATA_FASCE}: days late (+) or early (−) of the actual date against the target date,
 *     scored through {@code fasce} (days → points);</li>
 *     <li>{@code SI_NO}: {@code valoreSi} (default 100) when the expected answer was given, {@code valoreNo}
 *     (default 0) otherwise.</li>
 * </ul>
 * Which kind suits which {@link TipoIndicatore} is a rule of {@link RegoleMetodo}; which parameter suits
 * which kind, of the schema.
 */
public record Conversione(
        String id,
        Tipo tipo,
        String descrizione,
        Riferimento riferimento,
        FormulaDecrescente formulaDecrescente,
        BigDecimal sottoMinimo,
        List<Fascia> fasce,
        BigDecimal valoreSi,
        BigDecimal valoreNo) {

    public enum Tipo {
        PERCENTUALE_OBIETTIVO("percentuale di raggiungimento"),
        COEFFICIENTE("coefficiente di raggiungimento"),
        SCOSTAMENTO_PERCENTUALE("scostamento in percentuale"),
        SCOSTAMENTO_VALORE("scostamento in valore"),
        AVANZAMENTO("avanzamento dall'anno precedente all'obiettivo"),
        SOGLIE("punteggio per soglie"),
        DATA_FASCE("giorni di ritardo per fasce"),
        SI_NO("risposta sì/no");

        private final String nome;

        Tipo(String nome) {
            this.nome = nome;
        }

        /** The Italian words the explanations and messages write ("scostamento in percentuale"), never the constant. */
        public String nome() {
            return nome;
        }

        /** The kinds that score a number (NUMERO, PERCENTUALE, RAPPORTO). */
        public boolean numerica() {
            return this != DATA_FASCE && this != SI_NO;
        }

        /** The kinds that may measure against the previous year's actual instead of the target. */
        public boolean ammetteRiferimento() {
            return this == PERCENTUALE_OBIETTIVO || this == COEFFICIENTE
                    || this == SCOSTAMENTO_PERCENTUALE || this == SCOSTAMENTO_VALORE;
        }
    }

    /** What the actual is measured against. */
    public enum Riferimento {
        OBIETTIVO,
        ANNO_PRECEDENTE
    }

    /** The formula of a lower-is-better percentage: (2 × R − A) / R, or R / A. */
    public enum FormulaDecrescente {
        SCARTO,
        RAPPORTO
    }

    public Conversione {
        fasce = Liste.copia(fasce);
    }

    /** A conversion of a kind that needs no parameter. */
    public static Conversione di(String id, Tipo tipo) {
        return new Conversione(id, tipo, null, null, null, null, null, null, null);
    }
}
