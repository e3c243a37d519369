package it.comuni.peg.web.scheda;

import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.grafico.Grafico;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart model of planned against actual progress, and the grid's differences between two dates. */
class AvanzamentoTest {

    static YearMonth m(int mese) {
        return YearMonth.of(2023, mese);
    }

    static Scheda.Consuntivo consuntivo(int mese, int percentuale, String note, String atto) {
        return new Scheda.Consuntivo(m(mese), true, new Percentuale(percentuale), note, atto, false);
    }

    /** Planned January to April; 20% in January, 60% in March. */
    static Scheda.Fase analisi(Pianificazione originale, LocalDate completataIl) {
        return new Scheda.Fase(1, "Analisi", null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 4, 30),
                List.of(m(1), m(2), m(3), m(4)), false, originale, originale == null ? 0 : 1, List.of(m(1), m(3)),
                List.of(consuntivo(1, 20, "Avvio", null), consuntivo(3, 60, null, "Det. 12/2023")),
                new Percentuale(60), completataIl, null, null, List.of());
    }

    static Scheda scheda(LocalDate al, Scheda.Fase... fasi) {
        return new Scheda("o1", "c_prova", 2023, "Obiettivo", null, new Settore("SASTER", "Territorio", "GENTILI LUCA"),
                null, null, null, null, null, List.of(), List.of(fasi), List.of(), 3, null, null, null, al);
    }

    static List<YearMonth> anno() {
        return Cronoprogramma.di(scheda(LocalDate.of(2023, 4, 15), analisi(null, null))).mesi();
    }

    @Test
    void ilPrevistoDistribuisceLaFaseSuiSuoiMesiEIlRealeRestaAllUltimaPercentualeFinoAlGiornoVisto() {
        Grafico g = Avanzamento.obiettivo(scheda(LocalDate.of(2023, 4, 15), analisi(null, null)), anno());

        assertThat(g.categorie()).hasSize(12).startsWith("gennaio 2023").endsWith("dicembre 2023");
        assertThat(g.serie()).extracting(Grafico.Serie::nome).containsExactly("Previsto", "Reale");
        assertThat(g.serie().get(0).valori().subList(0, 5)).containsExactly(25d, 50d, 75d, 100d, 100d);
        // February keeps January's 20%; nothing is drawn after April, the month of the day viewed
        assertThat(g.serie().get(1).valori().subList(0, 5)).containsExactly(20d, 20d, 60d, 60d, null);
        // the text alternative says the same, the Italian way
        assertThat(g.righe().get(1).categoria()).isEqualTo("febbraio 2023");
        assertThat(g.righe().get(1).valori()).containsExactly("50%", "20%");
        assertThat(g.righe().get(5).valori()).containsExactly("100%", "—");
    }

    @Test
    void unaFaseRimodulataMostraAncheIlPianoOriginaleEUnaCompletataVaAlCentoDalMeseDelCompletamento() {
        Pianificazione originale = new Pianificazione(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 28), List.of());
        Grafico g = Avanzamento.obiettivo(scheda(LocalDate.of(2023, 6, 30), analisi(originale, LocalDate.of(2023, 5, 10))), anno());

        assertThat(g.serie()).extracting(Grafico.Serie::nome)
                .containsExactly("Previsto", "Previsto originale (prima della rimodulazione)", "Reale");
        assertThat(g.serie().get(1).tratteggiata()).isTrue();
        assertThat(g.serie().get(1).valori().subList(0, 3)).containsExactly(50d, 100d, 100d);
        assertThat(g.serie().get(2).valori().subList(3, 7)).containsExactly(60d, 100d, 100d, null);
    }

    @Test
    void ilGraficoDellObiettivoEDellaMediaDelleFasiEOgniFaseHaIlSuo() {
        Scheda.Fase seconda = new Scheda.Fase(2, "Modulistica", null, LocalDate.of(2023, 5, 1), LocalDate.of(2023, 6, 30),
                List.of(), false, null, 0, List.of(), List.of(), null, null, null, null, List.of());
        Scheda s = scheda(LocalDate.of(2023, 4, 15), analisi(null, null), seconda);

        Grafico g = Avanzamento.obiettivo(s, anno());
        // April: phase 1 planned 100%, phase 2 (May and June, from its dates) 0%
        assertThat(g.serie().get(0).valori().get(3)).isEqualTo(50d);
        assertThat(g.serie().get(1).valori().get(2)).isEqualTo(30d);
        assertThat(Avanzamento.fasi(s, anno())).extracting(Grafico::id).containsExactly("grafico-fase-1", "grafico-fase-2");
    }

    @Test
    void laGrigliaScriveLaPercentualeESegnaNoteEAtti() {
        Cronoprogramma g = Cronoprogramma.di(scheda(LocalDate.of(2023, 4, 15), analisi(null, null)));
        Cronoprogramma.Cella marzo = g.fasi().get(0).consuntivo().get(2);
        assertThat(marzo.percentuale()).isEqualTo(60);
        assertThat(marzo.annotato()).isTrue();
        assertThat(marzo.dettaglio()).isEqualTo("svolta, 60%, atto: Det. 12/2023");
        assertThat(g.fasi().get(0).consuntivo().get(1).dettaglio()).isEmpty();
    }

    @Test
    void dueDateDifferisconoNelleCelleCheCambiano() {
        Scheda prima = scheda(LocalDate.of(2023, 2, 15), new Scheda.Fase(1, "Analisi", null, LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 4, 30), List.of(m(1), m(2), m(3), m(4)), false, null, 0, List.of(m(1)),
                List.of(consuntivo(1, 20, "Avvio", null)), new Percentuale(20), null, null, null, List.of()));
        Scheda dopo = scheda(LocalDate.of(2023, 4, 15), analisi(null, null));

        assertThat(Cronoprogramma.di(prima).differenze(Cronoprogramma.di(dopo))).containsExactly("c1-2023-03");
        assertThat(Cronoprogramma.di(dopo).differenze(Cronoprogramma.di(dopo))).isEmpty();
    }
}
