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

    public record Cella(YearMonth mese, boolean segnato, String dettaglio) {
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
                    mesi.stream().map(m -> new Cella(m, previsti.contains(m), previsti.contains(m) ? "previsto" : "")).toList(),
                    mesi.stream().map(m -> cellaConsuntivo(m, consuntivi.get(m))).toList()));
        }
        return new Cronoprogramma(anni, mesi, righe);
    }

    private static Cella cellaConsuntivo(YearMonth mese, Scheda.Consuntivo c) {
        if (c == null) {
            return new Cella(mese, false, "");
        }
        String dettaglio = (c.svolta() ? "svolta" : "non svolta")
                + (c.percentuale() == null ? "" : ", " + c.percentuale().valore() + "%")
                + (c.rettificato() ? ", rettificato" : "");
        return new Cella(mese, c.svolta(), dettaglio);
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

    public Set<Integer> numeri() {
        return fasi.stream().map(RigaFase::numero).collect(Collectors.toSet());
    }
}
