package it.comuni.peg.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How big and how long a benchmark run is.
 *
 * @param eventi          events of the synthetic store (rounded up to whole objectives)
 * @param seme            the seed: the same seed generates the same store
 * @param livelli         the concurrency levels of the command load (and of the floor and the raw single inserts)
 * @param durataLivello   how long each level runs
 * @param riscaldamento   how long commands run unmeasured first: the JIT compiler must have compiled
 *                        the command path (on two cores it takes most of the CPU for its first tens
 *                        of seconds, which no long-running server pays)
 * @param righeBatch      rows of the raw batch-insert reference
 * @param lettureAsOf     as-of reads measured (after a tenth as many for warm-up)
 * @param uscita          where results.json goes
 * @param jfr             whether the floor's and the commands' measured levels are recorded with JFR
 *                        (uscita/soglia.jfr, uscita/comandi.jfr) and their samples analysed in results.json
 */
public record Parametri(long eventi, long seme, List<Integer> livelli, Duration durataLivello, Duration riscaldamento, int righeBatch,
                        int lettureAsOf, Path uscita, boolean jfr) {

    public static final long SEME = 20_230_630L;

    /** The default run: a store of a million events. */
    public static Parametri completo(long eventi, Path uscita) {
        return new Parametri(eventi, SEME, List.of(1, 2, 3, 4, 6, 8, 12, 16), Duration.ofSeconds(15), Duration.ofSeconds(90), 300_000, 2000, uscita, false);
    }

    /** Everyday use: a smaller store and shorter levels, under five minutes. */
    public static Parametri rapido(long eventi, Path uscita) {
        return new Parametri(eventi, SEME, List.of(1, 2, 4, 16), Duration.ofSeconds(6), Duration.ofSeconds(60), 100_000, 500, uscita, false);
    }

    /** The integration test: proves the code path, measures nothing worth reading. */
    public static Parametri minimo(Path uscita) {
        return new Parametri(3_000, SEME, List.of(1), Duration.ofMillis(800), Duration.ofMillis(800), 2_000, 20, uscita, false);
    }

    /**
     * How long the floor ({@link ComandoVuoto}) runs unmeasured first: a third of the commands'
     * warm-up. It compiles the same HTTP, security and JSON code at several times the commands'
     * rate, so it reaches the JIT compiler's invocation thresholds in a fraction of the time.
     */
    public Duration riscaldamentoSoglia() {
        return riscaldamento.dividedBy(3);
    }

    /** The same run with other concurrency levels or another duration per level (null: unchanged). */
    public Parametri con(List<Integer> altriLivelli, Integer secondiPerLivello) {
        return new Parametri(eventi, seme, altriLivelli == null ? livelli : altriLivelli,
                secondiPerLivello == null ? durataLivello : Duration.ofSeconds(secondiPerLivello), riscaldamento, righeBatch, lettureAsOf, uscita,
                jfr);
    }

    /** The same run with another warm-up of the commands (the floor's is a third of it); null: unchanged. */
    public Parametri conRiscaldamento(Integer secondi) {
        return secondi == null ? this : new Parametri(eventi, seme, livelli, durataLivello, Duration.ofSeconds(secondi), righeBatch,
                lettureAsOf, uscita, jfr);
    }

    /** The same run, with or without the JFR recordings of the floor and the commands. */
    public Parametri conJfr(boolean registra) {
        return new Parametri(eventi, seme, livelli, durataLivello, riscaldamento, righeBatch, lettureAsOf, uscita, registra);
    }
}
