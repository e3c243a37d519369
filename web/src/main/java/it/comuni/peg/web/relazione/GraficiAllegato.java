package it.comuni.peg.web.relazione;

import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.query.relazione.AllegatoObiettivi;
import it.comuni.peg.web.comune.Formato;
import it.comuni.peg.web.grafico.Grafico;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The annex's pictures, from the annex's own figures (nothing recomputed): the score of each settore
 * and how many objectives fall in each colour band of the SMVP, the two charts the nucleo's page draws
 * (web/valutazione GraficiValutazione) as the annex states them on its day.
 */
final class GraficiAllegato {

    private static final Formato FORMATO = new Formato();

    private GraficiAllegato() {
    }

    /** Bars 0–100: each settore's score, "nome (CODICE)"; a settore without a score has no bar. */
    static Grafico punteggiPerSettore(AllegatoObiettivi a) {
        List<String> settori = new ArrayList<>();
        List<Double> punti = new ArrayList<>();
        for (AllegatoObiettivi.RiepilogoStruttura r : a.perSettore()) {
            settori.add(r.settore().nome() == null || r.settore().nome().isBlank() ? r.settore().codice()
                    : r.settore().nome() + " (" + r.settore().codice() + ")");
            punti.add(r.esito() == null || r.esito().punti() == null ? null : r.esito().punti().doubleValue());
        }
        return new Grafico("allegato-settori", "Punteggio SMVP per settore", Grafico.Tipo.BARRE, "Settore", "punti", 100d,
                settori, List.of(new Grafico.Serie("Punteggio", punti, false)));
    }

    /** Bars: how many objectives in each colour band reached, in the bands' order, and how many have no score. */
    static Grafico obiettiviPerFascia(AllegatoObiettivi a) {
        Map<FasciaColore.Colore, Integer> conta = new EnumMap<>(FasciaColore.Colore.class);
        int senza = 0;
        for (AllegatoObiettivi.SezioneSettore s : a.settori()) {
            for (AllegatoObiettivi.ObiettivoAllegato o : s.obiettivi()) {
                FasciaColore.Colore c = o.punteggio().map(AllegatoObiettivi.Punteggio::colore).orElse(null);
                if (c == null) {
                    senza++;
                } else {
                    conta.merge(c, 1, Integer::sum);
                }
            }
        }
        List<String> fasce = new ArrayList<>();
        List<Double> obiettivi = new ArrayList<>();
        conta.forEach((c, n) -> {
            fasce.add(FORMATO.parola(c));
            obiettivi.add(n.doubleValue());
        });
        if (senza > 0) {
            fasce.add("senza punteggio");
            obiettivi.add((double) senza);
        }
        return new Grafico("allegato-fasce", "Obiettivi per fascia di punteggio", Grafico.Tipo.BARRE, "Fascia", "obiettivi", null,
                fasce, List.of(new Grafico.Serie("Obiettivi", obiettivi, false)));
    }
}
