package it.comuni.peg.query.relazione;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.valutazione.RelazionePerformanceValidata;
import it.comuni.peg.query.relazione.AllegatoObiettivi.FaseAllegato;
import it.comuni.peg.query.relazione.AllegatoObiettivi.ObiettivoAllegato;
import it.comuni.peg.query.relazione.AllegatoObiettivi.RiepilogoStruttura;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.smvp.PunteggiDiProva;
import it.comuni.peg.query.smvp.ValutazioneSmvp;
import it.comuni.peg.query.support.EventiDiProva;
import it.comuni.peg.query.valutazione.CicloNoto;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The annex's model from two objectives' events: plan and rimodulazioni, late consuntivi, indicators, scores, summaries. */
class ComposizioneAllegatoTest {

    static final LocalDate FINE_ANNO = LocalDate.of(2023, 12, 31);
    static final Instant NOTO_AL = Instant.parse("2024-03-31T21:59:59Z");

    static final String METODO = """
            formato: 1
            ente: c_b648
            anno: 2023
            titolo: SMVP 2023
            periodoMisurazione: ANNO
            pesoFasi: 50
            pesoIndicatori: 50
            conversioni:
              - {id: perc, tipo: PERCENTUALE_OBIETTIVO}
            mappatura: {tipo: COSI_COME}
            fasceColore:
              - {da: 0, a: 34, colore: ROSSO}
              - {da: 34, a: 74, colore: GIALLO}
              - {da: 74, a: 100, colore: VERDE}
            fasi:
              fattoreNonCompletata: 0.5
              ritardo: {tipo: PER_MESE, penalitaMese: 10}
            indicatori:
              - {codice: PRAT, nome: Pratiche digitalizzate, tipo: NUMERO, direzione: CRESCENTE, conversione: perc}
            """;

    final EventiDiProva edilizia = new EventiDiProva("ob-1")
            .definito("c_b648", 2023, "Digitalizzazione pratiche edilizie", "2023-01-10T09:00:00Z")
            .persona("VERDI LUCA", "M042", "2023-01-01", "2023-12-31", "2023-01-10T09:01:00Z")
            .fase(1, "2023-01-01", "2023-03-31", "2023-01-10T09:02:00Z")
            // 23:30 UTC of 20 March: 21/03/2023 in Italy
            .rimodulata(1, "2023-01-01", "2023-03-31", "2023-01-01", "2023-05-31", "2023-03-20T23:30:00Z")
            .consuntivo(1, "2023-02", 40, "2023-03-01T08:00:00Z")
            // March's consuntivo recorded on 15 May: 45 days after the month's end
            .consuntivo(1, "2023-03", 70, "2023-05-15T08:00:00Z")
            .completata(1, "2023-05-20", "2023-05-22T08:00:00Z")
            .indicatore("PRAT", "100", Direzione.CRESCENTE, 100, "2023-01-10T09:03:00Z")
            .valore("PRAT", "80", "2023-12-31", "2024-01-05T08:00:00Z");

    final EventiDiProva bilancio = new EventiDiProva("ob-2")
            .evento(new ObiettivoDefinito(ObiettivoId.di("ob-2"), "c_b648", 2023, "Riaccertamento dei residui", "<p>Residui</p>",
                    new Settore("SAFFGEN", null, "NERI PAOLA"), null, Peso.di(50.0), Peso.di(50.0), null, null),
                    "2023-01-11T09:00:00Z")
            .fase(1, "2023-02-01", "2023-04-30", "2023-01-11T09:01:00Z")
            .consuntivo(1, "2023-02", 100, "2023-03-02T08:00:00Z")
            .completata(1, "2023-04-28", "2023-04-28T08:00:00Z");

    AllegatoObiettivi allegato() {
        List<Scheda> schede = List.of(edilizia.scheda(), bilancio.scheda());
        PrimeRegistrazioni r1 = new PrimeRegistrazioni();
        edilizia.eventi().forEach(r1::accetta);
        PrimeRegistrazioni r2 = new PrimeRegistrazioni();
        bilancio.eventi().forEach(r2::accetta);
        ValutazioneSmvp punteggi = PunteggiDiProva.peg(METODO, schede, FINE_ANNO, NOTO_AL);
        var validazione = new CicloNoto.Validazione(LocalDate.of(2024, 6, 28), "Verbale n. 4",
                RelazionePerformanceValidata.Esito.VALIDATA, "Coerente con il PEG", Instant.parse("2024-06-28T10:00:00Z"));
        return ComposizioneAllegato.componi(new ComposizioneAllegato.Intestazione("c_b648", "Comune di Capannori", 2023,
                        LocalDate.of(2024, 3, 31), FINE_ANNO, NOTO_AL, Map.of("SAFFGEN", "Affari generali"), 10),
                schede, Map.of("ob-1", r1, "ob-2", r2), Optional.of(punteggi), List.of(validazione));
    }

    @Test
    void eachSettoreByCodeWithItsObjectivesAndTheNameTheOrganigrammaGives() {
        AllegatoObiettivi a = allegato();
        assertThat(a.settori()).extracting(s -> s.settore().codice()).containsExactly("SAFFGEN", "SASTER");
        // the event named SAFFGEN by code only: the organigramma's name fills it
        assertThat(a.settori().get(0).settore().nome()).isEqualTo("Affari generali");
        assertThat(a.settori().get(1).obiettivi()).extracting(ObiettivoAllegato::titolo)
                .containsExactly("Digitalizzazione pratiche edilizie");
        assertThat(a.metodo()).hasValueSatisfying(m -> assertThat(m.titolo()).isEqualTo("SMVP 2023"));
        assertThat(a.validazioni()).singleElement().satisfies(v -> assertThat(v.atto()).isEqualTo("Verbale n. 4"));
    }

    @Test
    void aPhaseKeepsItsOriginalPlanAndEachRimodulazioneWithDayAndMotivazione() {
        FaseAllegato fase = allegato().settori().get(1).obiettivi().get(0).fasi().get(0);
        assertThat(fase.pianoOriginale().fine()).isEqualTo(LocalDate.of(2023, 3, 31));
        assertThat(fase.pianoVigente().fine()).isEqualTo(LocalDate.of(2023, 5, 31));
        assertThat(fase.rimodulazioni()).singleElement().satisfies(r -> {
            assertThat(r.il()).isEqualTo(LocalDate.of(2023, 3, 21));
            assertThat(r.precedente().fine()).isEqualTo(LocalDate.of(2023, 3, 31));
            assertThat(r.motivazione()).isEqualTo("Ritardo nell'affidamento");
        });
        // a phase never rimodulata: the original plan is the one in force
        FaseAllegato altra = allegato().settori().get(0).obiettivi().get(0).fasi().get(0);
        assertThat(altra.rimodulazioni()).isEmpty();
        assertThat(altra.pianoOriginale()).isEqualTo(altra.pianoVigente());
    }

    @Test
    void aConsuntivoRecordedAfterTheToleranceIsFlaggedWithItsDelay() {
        FaseAllegato fase = allegato().settori().get(1).obiettivi().get(0).fasi().get(0);
        assertThat(fase.consuntivi()).extracting(AllegatoObiettivi.ConsuntivoMese::mese)
                .containsExactly(YearMonth.of(2023, 2), YearMonth.of(2023, 3));
        assertThat(fase.consuntivi().get(0).inRitardo()).isFalse();
        assertThat(fase.consuntivi().get(1).giorniRitardo()).isEqualTo(45);
        assertThat(fase.completataIl()).isEqualTo(LocalDate.of(2023, 5, 20));
        assertThat(fase.attoCompletamento()).isEqualTo("Determina 12/2023");
    }

    @Test
    void theScoreComesWithItsExplanationAndEachItemWithItsOwn() {
        ObiettivoAllegato o = allegato().settori().get(1).obiettivi().get(0);
        // phase completed by its (rimodulata) end: 100; indicator 80 of 100: 80; 50/50
        assertThat(o.punteggio()).hasValueSatisfying(p -> {
            assertThat(p.esito().punti()).isEqualByComparingTo("90");
            assertThat(p.esito().passi()).isNotEmpty();
        });
        assertThat(o.fasi().get(0).esito().passi()).anyMatch(p -> p.startsWith("rimodulata il 21/03/2023"));
        assertThat(o.indicatori()).singleElement().satisfies(i -> {
            assertThat(i.valori()).singleElement().satisfies(v -> assertThat(v.valore()).isEqualByComparingTo("80"));
            assertThat(i.esito().punti()).isEqualByComparingTo("80");
        });
    }

    @Test
    void summariesBySettoreUfficioAndPerson() {
        AllegatoObiettivi a = allegato();
        RiepilogoStruttura saster = a.perSettore().stream().filter(r -> r.settore().codice().equals("SASTER")).findFirst().orElseThrow();
        assertThat(saster.ufficio()).isNull();
        assertThat(List.of(saster.obiettivi(), saster.fasi(), saster.fasiCompletate(), saster.consuntiviInRitardo()))
                .containsExactly(1, 1, 1, 1);
        assertThat(saster.esito().punti()).isEqualByComparingTo("90");
        // the objective hanging on its settore has no ufficio row
        assertThat(a.perUfficio()).singleElement().satisfies(r -> assertThat(r.ufficio().codice()).isEqualTo("UEDPRI"));
        assertThat(a.perPersona()).singleElement().satisfies(p -> {
            assertThat(p.nome()).isEqualTo("VERDI LUCA");
            assertThat(p.obiettivi()).containsExactly("Digitalizzazione pratiche edilizie");
            assertThat(p.punti()).isEqualByComparingTo(new BigDecimal("90"));
        });
    }

    @Test
    void theReceiptHasOnePlaceEmptyUntilGiven() {
        AllegatoObiettivi a = allegato();
        assertThat(a.ricevuta()).isEmpty();
        var ricevuta = new AllegatoObiettivi.Ricevuta("Ricevuta", List.of(new AllegatoObiettivi.Ricevuta.Voce("Indice", "42")), "{}");
        assertThat(a.conRicevuta(ricevuta).ricevuta()).contains(ricevuta);
    }
}
