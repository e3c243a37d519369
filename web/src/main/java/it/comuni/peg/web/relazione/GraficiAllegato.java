package it.comuni.peg.web.relazione;

import it.comuni.peg.query.relazione.AllegatoObiettivi;
import it.comuni.peg.web.grafico.Grafico;
import it.comuni.peg.web.valutazione.GraficiValutazione;

/**
 * The annex's pictures, from the annex's own figures (nothing recomputed): the nucleo page's two charts
 * of the SMVP ({@link GraficiValutazione}), the score of each settore and how many objectives fall in each
 * colour band, as the annex states them on its day.
 */
final class GraficiAllegato {

    private GraficiAllegato() {
    }

    /** Bars 0–100: each settore's score, named as the annex names it; a settore without a score has no bar. */
    static Grafico punteggiPerSettore(AllegatoObiettivi a) {
        return GraficiValutazione.settori(
                a.perSettore().stream().map(r -> ImpaginazioneAllegato.struttura(r.settore())).toList(),
                a.perSettore().stream().map(r -> r.esito() == null || r.esito().punti() == null ? null : r.esito().punti().doubleValue()).toList());
    }

    /** Bars: how many objectives in each colour band reached, in the bands' order, and how many have no score. */
    static Grafico obiettiviPerFascia(AllegatoObiettivi a) {
        return GraficiValutazione.fasce(a.settori().stream().flatMap(s -> s.obiettivi().stream())
                .map(o -> o.punteggio().map(AllegatoObiettivi.Punteggio::colore).orElse(null)).toList());
    }
}
