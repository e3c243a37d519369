package it.comuni.peg.query.pubblicazione;

import it.comuni.peg.api.csv.Csv;
import it.comuni.peg.api.csv.FormatoPegCsv;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.valutazione.Punteggio;
import it.comuni.peg.query.valutazione.RiepilogoPeg;
import it.comuni.peg.query.valutazione.ValutazioneObiettivo;
import it.comuni.peg.query.valutazione.ValutazionePersona;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The evaluation for publication: what a citizen reads (settore, objective, score, timeliness, the
 * nucleo's motivazione), not the system's ids. Scores with a decimal comma, dates dd/mm/yyyy.
 */
final class ValutazioneCsv {

    private ValutazioneCsv() {
    }

    static List<String> obiettivi(List<ValutazioneObiettivo> valutazioni) {
        List<String> righe = new ArrayList<>();
        righe.add(Csv.riga(List.of("settore", "settore_nome", "ufficio", "ufficio_nome", "titolo", "al", "peso_fasi",
                "punteggio_fasi", "peso_indicatori", "punteggio_indicatori", "grado_raggiungimento", "provvisorio",
                "tempestivita", "origine", "motivazione_nucleo")));
        valutazioni.stream()
                .sorted(Comparator.comparing((ValutazioneObiettivo v) -> v.settore().codice())
                        .thenComparing(v -> v.ufficio() == null ? "" : v.ufficio().codice())
                        .thenComparing(ValutazioneObiettivo::titolo))
                .forEach(v -> {
                    Punteggio p = v.punteggio();
                    righe.add(Csv.riga(List.of(v.settore().codice(), nn(v.settore().nome()),
                            v.ufficio() == null ? "" : v.ufficio().codice(), v.ufficio() == null ? "" : nn(v.ufficio().nome()),
                            v.titolo(), FormatoPegCsv.data(v.al()), n(p.pesoFasi()), n(p.punteggioFasi()), n(p.pesoIndicatori()),
                            n(p.punteggioIndicatori()), n(p.grado()), p.provvisorio() ? "si" : "no",
                            p.tempestivita() == null ? "" : p.tempestivita().name(), v.origine(), nn(v.motivazioneNucleo()))));
                });
        return righe;
    }

    static List<String> settori(RiepilogoPeg riepilogo, List<Scheda> schede) {
        Map<String, String> nomiSettori = new HashMap<>();
        Map<String, String> nomiUffici = new HashMap<>();
        for (Scheda s : schede) {
            nomiSettori.putIfAbsent(s.settore().codice(), nn(s.settore().nome()));
            if (s.ufficio() != null) {
                nomiUffici.putIfAbsent(s.settore().codice() + "\u0000" + s.ufficio().codice(), nn(s.ufficio().nome()));
            }
        }
        List<String> righe = new ArrayList<>();
        righe.add(Csv.riga(List.of("livello", "settore", "settore_nome", "ufficio", "ufficio_nome", "al", "obiettivi",
                "provvisori", "media", "minimo", "massimo")));
        for (RiepilogoPeg.Totale t : riepilogo.settori()) {
            righe.add(Csv.riga(List.of("SETTORE", t.settore(), nomiSettori.getOrDefault(t.settore(), ""), "", "",
                    FormatoPegCsv.data(riepilogo.al()), Integer.toString(t.obiettivi()), Integer.toString(t.provvisori()),
                    n(t.media()), n(t.minimo()), n(t.massimo()))));
        }
        for (RiepilogoPeg.Totale t : riepilogo.uffici()) {
            righe.add(Csv.riga(List.of("UFFICIO", t.settore(), nomiSettori.getOrDefault(t.settore(), ""), t.ufficio(),
                    nomiUffici.getOrDefault(t.settore() + "\u0000" + t.ufficio(), ""), FormatoPegCsv.data(riepilogo.al()),
                    Integer.toString(t.obiettivi()), Integer.toString(t.provvisori()), n(t.media()), n(t.minimo()), n(t.massimo()))));
        }
        return righe;
    }

    static List<String> persone(List<ValutazionePersona> persone) {
        List<String> righe = new ArrayList<>();
        righe.add(Csv.riga(List.of("nome", "al", "obiettivi", "giorni_assegnazione", "grado_raggiungimento", "dettaglio")));
        for (ValutazionePersona p : persone) {
            String dettaglio = p.obiettivi().stream()
                    .map(q -> q.titolo() + " (" + q.giorni() + " gg, grado " + n(q.grado()) + ")")
                    .collect(Collectors.joining(" | "));
            righe.add(Csv.riga(List.of(p.nome(), FormatoPegCsv.data(p.al()), Integer.toString(p.obiettivi().size()),
                    Long.toString(p.giorniTotali()), n(p.grado()), dettaglio)));
        }
        return righe;
    }

    private static String n(BigDecimal valore) {
        return valore == null ? "" : FormatoPegCsv.numero(valore.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
