package it.comuni.peg.web.storico;

import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.comune.Formato;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Two states of one scheda side by side, flattened into labelled lines (header, each phase, each
 * indicator) so that every line whose value differs can be marked, in words as well as in colour.
 */
public record Confronto(List<Riga> righe, int differenze) {

    public record Riga(String voce, String prima, String dopo, boolean diversa) {
    }

    private static final Formato F = new Formato();

    public static Confronto di(Scheda prima, Scheda dopo) {
        Map<String, String> a = appiattisci(prima);
        Map<String, String> b = appiattisci(dopo);
        Map<String, Boolean> voci = new LinkedHashMap<>();
        a.keySet().forEach(k -> voci.put(k, true));
        b.keySet().forEach(k -> voci.put(k, true));
        List<Riga> righe = new ArrayList<>();
        for (String voce : voci.keySet()) {
            String x = a.getOrDefault(voce, "—");
            String y = b.getOrDefault(voce, "—");
            righe.add(new Riga(voce, x, y, !x.equals(y)));
        }
        return new Confronto(righe, (int) righe.stream().filter(Riga::diversa).count());
    }

    static Map<String, String> appiattisci(Scheda s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null) {
            m.put("Obiettivo", "non ancora definito");
            return m;
        }
        m.put("Titolo", s.titolo());
        m.put("Stato", F.stato(s.stato()));
        m.put("Peso indicatori / fasi", (s.pesoIndicatori() == null ? "—" : F.numero(s.pesoIndicatori().valore())) + " / "
                + (s.pesoFasi() == null ? "—" : F.numero(s.pesoFasi().valore())));
        m.put("Persone assegnate", String.valueOf(s.persone().size()));
        for (Scheda.Fase f : s.fasi()) {
            String p = "Fase " + f.numero() + " ";
            m.put(p + "– periodo", F.data(f.inizio()) + " – " + F.data(f.fine()));
            m.put(p + "– stato", F.stato(f.stato()));
            m.put(p + "– avanzamento", f.percentuale() == null ? "—" : f.percentuale().valore() + "%");
            m.put(p + "– mesi a consuntivo", f.consuntivi().isEmpty() ? "—" : f.consuntivi().stream()
                    .map(c -> F.mese(c.mese()) + (c.svolta() ? "" : " (non svolta)")).collect(Collectors.joining(", ")));
            m.put(p + "– completata il", F.data(f.completataIl()));
        }
        for (Scheda.Indicatore i : s.indicatori()) {
            m.put("Indicatore " + i.codice() + " – ultimo valore", F.numero(i.ultimoValore()));
        }
        return m;
    }
}
