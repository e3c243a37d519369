package it.comuni.peg.web.peg;

import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.Stato;
import it.comuni.peg.web.comune.Formato;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where one objective stands for the person who reports on it: its progress, the next planned ends
 * and what is missing. A month is missing when the phase was planned for it, the month is over, the
 * phase is not completed and no consuntivo for it is recorded. Derived from the scheda only: the
 * page decides nothing the query side does not already know.
 */
public record Situazione(Scheda scheda, int avanzamento, List<Scadenza> scadenze, List<String> mancanze) {

    public record Scadenza(int fase, String titolo, LocalDate fine, boolean superata) {
    }

    public static Situazione di(Scheda s, LocalDate oggi) {
        YearMonth meseCorrente = YearMonth.from(oggi);
        List<Scadenza> scadenze = s.fasi().stream()
                .filter(f -> !f.completata() && f.fine() != null)
                .sorted(Comparator.comparing(Scheda.Fase::fine))
                .map(f -> new Scadenza(f.numero(), f.titolo(), f.fine(), f.fine().isBefore(oggi)))
                .limit(3)
                .toList();
        List<String> mancanze = new ArrayList<>();
        for (Scheda.Fase f : s.fasi()) {
            if (f.completata()) {
                continue;
            }
            Set<YearMonth> registrati = f.consuntivi().stream().map(Scheda.Consuntivo::mese).collect(Collectors.toSet());
            for (YearMonth mese : f.previsto()) {
                if (mese.isBefore(meseCorrente) && !registrati.contains(mese)) {
                    mancanze.add("Fase " + f.numero() + ": consuntivo di " + Formato.nomeMese(mese) + " " + mese.getYear()
                            + " non registrato");
                }
            }
            if (f.stato() == Stato.IN_RITARDO) {
                mancanze.add("Fase " + f.numero() + ": fine prevista superata, fase non completata");
            }
        }
        return new Situazione(s, avanzamento(s), scadenze, mancanze);
    }

    /** The mean of the phases' recorded percentages (a completed phase counts 100). */
    static int avanzamento(Scheda s) {
        if (s.fasi().isEmpty()) {
            return 0;
        }
        int somma = 0;
        for (Scheda.Fase f : s.fasi()) {
            somma += f.completata() ? 100 : f.percentuale() == null ? 0 : f.percentuale().valore();
        }
        return Math.round((float) somma / s.fasi().size());
    }

    public List<String> primeMancanze() {
        return mancanze.size() <= 6 ? mancanze : mancanze.subList(0, 6);
    }

    public int altreMancanze() {
        return Math.max(0, mancanze.size() - 6);
    }
}
