package it.comuni.peg.web.scheda;

import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.comune.Formato;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grid of the print: one column per month (January to December of the PEG year, widened to
 * whole years when a phase reaches into the year before or after), and for each phase a Previsto
 * row and a Consuntivo row.
 */
public record Cronoprogramma(List<Anno> anni, List<YearMonth> mesi, List<RigaFase> fasi) {

    public record Anno(int anno, int mesi) {
    }

    /**
     * A month of a row: {@code segnato} planned (Previsto row) or worked on (Consuntivo row); {@code dettaglio}
     * what the cell says in words (its title and its screen-reader text); on the Consuntivo row
     * {@code percentuale} the cumulative percentage recorded (null: none) and {@code annotato} whether the
     * consuntivo carries a note or an atto.
     */
    public record Cella(YearMonth mese, boolean segnato, String dettaglio, Integer percentuale, boolean annotato) {
    }

    public record RigaFase(int numero, String titolo, List<Cella> previsto, List<Cella> consuntivo) {
    }

    public static Cronoprogramma di(Scheda s) {
        int primo = s.anno();
        int ultimo = s.anno();
        for (Scheda.Fase f : s.fasi()) {
            for (YearMonth m : f.previsto()) {
                primo = Math.min(primo, m.getYear());
                ultimo = Math.max(ultimo, m.getYear());
            }
            for (Scheda.Consuntivo c : f.consuntivi()) {
                primo = Math.min(primo, c.mese().getYear());
                ultimo = Math.max(ultimo, c.mese().getYear());
            }
        }
        List<YearMonth> mesi = new ArrayList<>();
        List<Anno> anni = new ArrayList<>();
        for (int a = primo; a <= ultimo; a++) {
            anni.add(new Anno(a, 12));
            for (int m = 1; m <= 12; m++) {
                mesi.add(YearMonth.of(a, m));
            }
        }
        List<RigaFase> righe = new ArrayList<>();
        for (Scheda.Fase f : s.fasi()) {
            Set<YearMonth> previsti = Set.copyOf(f.previsto());
            Map<YearMonth, Scheda.Consuntivo> consuntivi = new LinkedHashMap<>();
            f.consuntivi().forEach(c -> consuntivi.put(c.mese(), c));
            righe.add(new RigaFase(f.numero(), f.titolo(),
                    mesi.stream().map(m -> new Cella(m, previsti.contains(m), previsti.contains(m) ? "previsto" : "", null, false)).toList(),
                    mesi.stream().map(m -> cellaConsuntivo(m, consuntivi.get(m))).toList()));
        }
        return new Cronoprogramma(anni, mesi, righe);
    }

    private static Cella cellaConsuntivo(YearMonth mese, Scheda.Consuntivo c) {
        if (c == null) {
            return new Cella(mese, false, "", null, false);
        }
        boolean nota = c.note() != null && !c.note().isBlank();
        boolean atto = c.atto() != null && !c.atto().isBlank();
        String dettaglio = (c.svolta() ? "svolta" : "non svolta")
                + (c.percentuale() == null ? "" : ", " + c.percentuale().valore() + "%")
                + (c.rettificato() ? ", rettificato" : "")
                + (nota ? ", note: " + c.note() : "")
                + (atto ? ", atto: " + c.atto() : "");
        return new Cella(mese, c.svolta(), dettaglio, c.percentuale() == null ? null : c.percentuale().valore(), nota || atto);
    }

    public boolean piuAnni() {
        return anni.size() > 1;
    }

    public String intestazione(YearMonth mese) {
        return Formato.meseBreve(mese);
    }

    public String nomeCompleto(YearMonth mese) {
        return Formato.nomeMese(mese) + " " + mese.getYear();
    }

    /**
     * The cells that differ between this grid and {@code altra} (the same objective at another date), as
     * keys "p{fase}-{AAAA-MM}" (Previsto row) and "c{fase}-{AAAA-MM}" (Consuntivo row): a month planned or
     * worked on at one date only, or whose consuntivo reads differently. A phase present at one date only
     * differs in all its marked cells.
     */
    public Set<String> differenze(Cronoprogramma altra) {
        Map<String, String> qui = celle();
        Map<String, String> la = altra.celle();
        Set<String> chiavi = new java.util.TreeSet<>(qui.keySet());
        chiavi.addAll(la.keySet());
        chiavi.removeIf(k -> qui.getOrDefault(k, "").equals(la.getOrDefault(k, "")));
        return chiavi;
    }

    private Map<String, String> celle() {
        Map<String, String> celle = new LinkedHashMap<>();
        for (RigaFase r : fasi) {
            r.previsto().stream().filter(Cella::segnato).forEach(c -> celle.put("p" + r.numero() + "-" + c.mese(), c.dettaglio()));
            r.consuntivo().stream().filter(c -> !c.dettaglio().isEmpty())
                    .forEach(c -> celle.put("c" + r.numero() + "-" + c.mese(), c.dettaglio()));
        }
        return celle;
    }

    public Set<Integer> numeri() {
        return fasi.stream().map(RigaFase::numero).collect(Collectors.toSet());
    }
}
