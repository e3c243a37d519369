package it.comuni.peg.web.scheda;

import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.comune.Formato;
import it.comuni.peg.web.grafico.Grafico;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Planned against actual progress through the months of the cronoprogramma, as a {@link Grafico} of
 * cumulative percentages, for a phase and for the whole objective.
 * <ul>
 * <li><b>Previsto</b> at the end of a month: the share of the phase's planned months elapsed (the plan spreads
 *     the work evenly over its months; 100% at the last one).</li>
 * <li><b>Previsto originale</b>: the same for the plan before the first rimodulazione, shown only when a
 *     phase was rimodulata.</li>
 * <li><b>Reale</b>: the cumulative percentage of the latest consuntivo up to that month (100% from the month
 *     of completion), drawn up to the month of the day viewed and no further.</li>
 * </ul>
 * The objective's lines are the mean of its phases', each phase counting alike (as "Il mio PEG" counts them).
 */
public final class Avanzamento {

    private Avanzamento() {
    }

    /** The chart of the whole objective; {@code mesi} the cronoprogramma's columns. */
    public static Grafico obiettivo(Scheda s, List<YearMonth> mesi) {
        return grafico("grafico-obiettivo", "Avanzamento previsto e reale dell'obiettivo", s.fasi(), mesi, s.statoAl());
    }

    /** One chart per phase, in the phases' order. */
    public static List<Grafico> fasi(Scheda s, List<YearMonth> mesi) {
        return s.fasi().stream()
                .map(f -> grafico("grafico-fase-" + f.numero(), "Fase " + f.numero() + " · " + f.titolo()
                        + ": avanzamento previsto e reale", List.of(f), mesi, s.statoAl()))
                .toList();
    }

    private static Grafico grafico(String id, String titolo, List<Scheda.Fase> fasi, List<YearMonth> mesi, LocalDate al) {
        YearMonth ultimo = al == null ? null : YearMonth.from(al);
        boolean rimodulata = fasi.stream().anyMatch(f -> f.pianoOriginale() != null);
        List<Double> previsto = new ArrayList<>();
        List<Double> originale = new ArrayList<>();
        List<Double> reale = new ArrayList<>();
        for (YearMonth m : mesi) {
            previsto.add(media(fasi.stream().map(f -> previsto(mesiPrevisti(f.previsto(), f.inizio(), f.fine()), m)).toList()));
            originale.add(media(fasi.stream().map(f -> previsto(f.pianoOriginale() == null
                    ? mesiPrevisti(f.previsto(), f.inizio(), f.fine()) : mesiPrevisti(f.pianoOriginale()), m)).toList()));
            reale.add(ultimo != null && m.isAfter(ultimo) ? null : media(fasi.stream().map(f -> reale(f, m)).toList()));
        }
        List<Grafico.Serie> serie = new ArrayList<>();
        serie.add(new Grafico.Serie("Previsto", previsto, false));
        if (rimodulata) {
            serie.add(new Grafico.Serie("Previsto originale (prima della rimodulazione)", originale, true));
        }
        serie.add(new Grafico.Serie("Reale", reale, false));
        return new Grafico(id, titolo, Grafico.Tipo.LINEE, "Mese", "%", 100d, mesi.stream().map(Formato::meseAnno).toList(), serie);
    }

    /** The planned months: as listed, else every month from the first day to the last. */
    static List<YearMonth> mesiPrevisti(List<YearMonth> elencati, LocalDate inizio, LocalDate fine) {
        if (elencati != null && !elencati.isEmpty()) {
            return List.copyOf(new TreeSet<>(elencati));
        }
        List<YearMonth> mesi = new ArrayList<>();
        if (inizio != null && fine != null) {
            for (YearMonth m = YearMonth.from(inizio); !m.isAfter(YearMonth.from(fine)); m = m.plusMonths(1)) {
                mesi.add(m);
            }
        }
        return mesi;
    }

    private static List<YearMonth> mesiPrevisti(Pianificazione p) {
        return mesiPrevisti(p.mesiPrevisti(), p.inizio(), p.fine());
    }

    /** The planned cumulative percentage at the end of {@code mese}; null for a phase without a plan. */
    static Double previsto(List<YearMonth> previsti, YearMonth mese) {
        if (previsti.isEmpty()) {
            return null;
        }
        long trascorsi = previsti.stream().filter(m -> !m.isAfter(mese)).count();
        return 100d * trascorsi / previsti.size();
    }

    /** The actual cumulative percentage at the end of {@code mese}: 0 before any consuntivo. */
    static double reale(Scheda.Fase f, YearMonth mese) {
        if (f.completataIl() != null && !YearMonth.from(f.completataIl()).isAfter(mese)) {
            return 100d;
        }
        double valore = 0d;
        YearMonth ultimo = null;
        for (Scheda.Consuntivo c : f.consuntivi()) {
            if (c.percentuale() != null && !c.mese().isAfter(mese) && (ultimo == null || c.mese().isAfter(ultimo))) {
                ultimo = c.mese();
                valore = c.percentuale().valore();
            }
        }
        return valore;
    }

    private static Double media(List<Double> valori) {
        List<Double> presenti = valori.stream().filter(java.util.Objects::nonNull).toList();
        return presenti.isEmpty() ? null : presenti.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
