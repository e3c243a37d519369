package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaReducer;
import it.comuni.peg.query.support.EventiDiProva;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Scores computed by hand, default parameters: 10 points per month late, factor 0.5, no tolerance. */
class ValutatoreTest {

    static final ParametriValutazione PREDEFINITI = ParametriValutazione.PREDEFINITI;
    static final LocalDate FINE_ANNO = LocalDate.of(2023, 12, 31);

    private static Scheda piega(EventiDiProva eventi) {
        Scheda s = null;
        for (DomainEventMessage<?> e : eventi.eventi()) {
            s = SchedaReducer.applica(s, e.getPayload(), e.getSequenceNumber(), e.getTimestamp());
        }
        return s;
    }

    /** Three phases and two indicators, 50/50. */
    private static EventiDiProva anno() {
        return new EventiDiProva("ob-v")
                .definito("Comune di Capannori", 2023, "Obiettivo valutato", "2023-01-10T09:00:00Z")
                .fase(1, "2023-01-01", "2023-03-31", "2023-01-10T09:01:00Z")
                .fase(2, "2023-04-01", "2023-05-31", "2023-01-10T09:02:00Z")
                .fase(3, "2023-07-01", "2023-11-30", "2023-01-10T09:03:00Z")
                .consuntivo(1, "2023-02", 60, "2023-03-01T09:00:00Z")
                // phase 1 completed 3 days late
                .completata(1, "2023-04-03", "2023-04-04T09:00:00Z")
                .consuntivo(2, "2023-04", 20, "2023-05-02T09:00:00Z")
                // re-planned before the monitoraggio of 30/06
                .rimodulata(2, "2023-04-01", "2023-05-31", "2023-04-01", "2023-09-30", "2023-05-20T09:00:00Z")
                .completata(2, "2023-09-28", "2023-09-29T09:00:00Z")
                .consuntivo(3, "2023-07", 10, "2023-08-01T09:00:00Z")
                .consuntivo(3, "2023-10", 40, "2023-11-01T09:00:00Z");
    }

    private static EventiDiProva conIndicatori() {
        return anno()
                .indicatore("PRAT", "100", Direzione.CRESCENTE, 60, "2023-01-10T09:04:00Z")
                .indicatore("GG", "30", Direzione.DECRESCENTE, 40, "2023-01-10T09:05:00Z")
                .valore("PRAT", "80", "2023-09-30", "2023-10-01T09:00:00Z")
                .valore("GG", "36", "2023-12-31", "2024-01-05T09:00:00Z");
    }

    @Test
    void scoresTheYearByHand() {
        Punteggio p = Valutatore.valuta(piega(conIndicatori()), FINE_ANNO, PREDEFINITI, null);

        // phase 1: 3 days late = 1 month, 100 - 10 = 90
        assertThat(p.fasi().get(0).punti()).isEqualByComparingTo("90");
        assertThat(p.fasi().get(0).mesiRitardo()).isEqualTo(1);
        assertThat(p.fasi().get(0).tempestivita()).isEqualTo(Tempestivita.IN_RITARDO);
        // phase 2: re-planned to 30/09, completed 28/09: on time
        assertThat(p.fasi().get(1).punti()).isEqualByComparingTo("100");
        assertThat(p.fasi().get(1).rimodulata()).isTrue();
        // phase 3: never completed, 40% recorded × 0.5 = 20
        assertThat(p.fasi().get(2).punti()).isEqualByComparingTo("20");
        assertThat(p.fasi().get(2).percentualeRilevata()).isEqualTo(40);
        // (90 + 100 + 20) / 3
        assertThat(p.punteggioFasi()).isEqualByComparingTo("70.00");
        // higher is better: 80 / 100 = 80; lower is better: 30 / 36 = 83.33
        assertThat(p.indicatori().get(0).punti()).isEqualByComparingTo("80");
        assertThat(p.indicatori().get(1).punti()).isEqualByComparingTo("83.33");
        // (60 × 80 + 40 × 83.33) / 100 = 81.332
        assertThat(p.punteggioIndicatori()).isEqualByComparingTo("81.33");
        // 50% × 70 + 50% × 81.33 = 75.665
        assertThat(p.grado()).isEqualByComparingTo("75.67");
        assertThat(p.provvisorio()).isFalse();
        assertThat(p.tempestivita()).isEqualTo(Tempestivita.IN_RITARDO);
        assertThat(p.regola()).contains("50% × fasi 70 + 50% × indicatori 81,33 = 75,67");
    }

    @Test
    void atTheMonitoraggioTheRimodulazioneCountsAndLaterFactsDoNot() {
        Punteggio p = Valutatore.valuta(piega(conIndicatori()), LocalDate.of(2023, 6, 30), PREDEFINITI, null);

        assertThat(p.fasi().get(0).punti()).isEqualByComparingTo("90");
        // planned end moved to 30/09 before 30/06: in line, 20% × 0.5 = 10
        assertThat(p.fasi().get(1).tempestivita()).isEqualTo(Tempestivita.IN_LINEA);
        assertThat(p.fasi().get(1).finePrevista()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(p.fasi().get(1).punti()).isEqualByComparingTo("10");
        // phase 3 has no consuntivo up to June
        assertThat(p.fasi().get(2).punti()).isEqualByComparingTo("0");
        // (90 + 10 + 0) / 3 = 33.33; no indicator value by 30/06: 0
        assertThat(p.punteggioFasi()).isEqualByComparingTo("33.33");
        assertThat(p.punteggioIndicatori()).isEqualByComparingTo("0");
        assertThat(p.grado()).isEqualByComparingTo("16.67");
    }

    @Test
    void withoutIndicatorsTheNucleosAssessmentIsTheIndicatorsShare() {
        Punteggio conNucleo = Valutatore.valuta(piega(anno()), FINE_ANNO, PREDEFINITI, Percentuale.di(80));
        // 50% × 70 + 50% × 80
        assertThat(conNucleo.grado()).isEqualByComparingTo("75.00");
        assertThat(conNucleo.provvisorio()).isFalse();

        Punteggio senza = Valutatore.valuta(piega(anno()), FINE_ANNO, PREDEFINITI, null);
        assertThat(senza.grado()).isEqualByComparingTo("70.00");
        assertThat(senza.provvisorio()).isTrue();
    }

    @Test
    void theParametersChangeTheScore() {
        var severi = new ParametriValutazione(BigDecimal.valueOf(25), BigDecimal.ONE, 5);
        Punteggio p = Valutatore.valuta(piega(anno()), FINE_ANNO, severi, null);
        // 3 days late is within a 5-day tolerance: 100; the open phase scores 40 × 1
        assertThat(p.fasi().get(0).punti()).isEqualByComparingTo("100");
        assertThat(p.fasi().get(2).punti()).isEqualByComparingTo("40");
    }

    @Test
    void aLowerIsBetterIndicatorAboveTargetIsClamped() {
        Scheda s = piega(anno().indicatore("GG", "30", Direzione.DECRESCENTE, 100, "2023-01-10T09:04:00Z")
                .valore("GG", "20", "2023-12-31", "2024-01-05T09:00:00Z"));
        Traccia.Indicatore gg = Valutatore.valuta(s, FINE_ANNO, PREDEFINITI, null).indicatori().get(0);
        // 30 / 20 = 150, clamped to 100
        assertThat(gg.punti()).isEqualByComparingTo("100");
        assertThat(gg.regola()).contains("limitato a 100");
    }
}
