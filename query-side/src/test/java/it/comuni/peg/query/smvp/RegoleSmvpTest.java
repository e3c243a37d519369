package it.comuni.peg.query.smvp;

import it.comuni.peg.api.valutazione.VoceSmvpDecisa;

import it.comuni.peg.api.comune.ValoriNonValidi;
import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.smvp.Periodicita;
import it.comuni.peg.api.smvp.PeriodoMisura;
import it.comuni.peg.query.valutazione.Tempestivita;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static it.comuni.peg.api.valutazione.VoceSmvpDecisa.Voce.FASE;
import static it.comuni.peg.api.valutazione.VoceSmvpDecisa.Voce.INDICATORE;
import static it.comuni.peg.api.valutazione.VoceSmvpDecisa.Voce.OBIETTIVO;
import static it.comuni.peg.query.smvp.ProvaSmvp.FINE_ANNO;
import static it.comuni.peg.query.smvp.ProvaSmvp.anno;
import static it.comuni.peg.query.smvp.ProvaSmvp.forzatura;
import static it.comuni.peg.query.smvp.ProvaSmvp.indicatore;
import static it.comuni.peg.query.smvp.ProvaSmvp.nonValutabile;
import static it.comuni.peg.query.smvp.ProvaSmvp.obiettivo;
import static it.comuni.peg.query.smvp.ProvaSmvp.valutaIndicatore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Result mappings, phase rules, weights, the nucleo's decisions, aggregates and people, computed by
 * hand; listed in docs/smvp/casi-di-prova.md.
 */
class RegoleSmvpTest {

    private static final String COSI_COME = "mappatura: {tipo: COSI_COME}";

    private static Esito mappato(String mappatura, String atteso, String rilevato) {
        return valutaIndicatore(ProvaSmvp.con(COSI_COME, mappatura), indicatore("NC", atteso, anno(rilevato))).esito();
    }

    private static DatiValutazione.Fase fase(int n, LocalDate fine, LocalDate completata, Integer percentuale) {
        return new DatiValutazione.Fase(n, "Fase " + n, fine, completata, percentuale);
    }

    private static Valutazione valuta(MetodoSmvp m, DatiValutazione.Obiettivo... o) {
        return MotoreSmvp.valuta(m, new DatiValutazione(FINE_ANNO, List.of(o), null, null));
    }

    // ---- result mappings

    /** A part of the objective that counts carries no reason of exclusion; one left out says why. */
    @Test
    void onlyAnExcludedPartSaysWhy() {
        Valutazione v = MotoreSmvp.valuta(ProvaSmvp.metodo(), new DatiValutazione(ProvaSmvp.FINE_ANNO,
                List.of(ProvaSmvp.obiettivo("OB", List.of(), indicatore("NC", "60", anno("45")))), null, null));
        Map<String, Quota> quote = v.obiettivo("OB").quote().stream().collect(Collectors.toMap(Quota::voce, q -> q));
        assertThat(quote.get("indicatori").punti()).isEqualByComparingTo("75");
        assertThat(quote.get("indicatori").esclusa()).isNull();
        assertThat(quote.get("fasi").punti()).isNull();
        assertThat(quote.get("fasi").esclusa()).isEqualTo("nessuna fase");
    }

    @Test
    void clampCutsBothEnds() {
        // 120 / 100 × 100 = 120 → 100; −10 / 50 × 100 = −20 → 0; 80 stays
        String limita = "mappatura: {tipo: LIMITA, minimo: 0, massimo: 100}";
        assertThat(mappato(limita, "100", "120").punti()).isEqualByComparingTo("100");
        assertThat(mappato(limita, "50", "-10").punti()).isEqualByComparingTo("0");
        Esito e = mappato(limita, "100", "80");
        assertThat(e.punti()).isEqualByComparingTo("80");
        assertThat(e.passi()).contains("entro l'intervallo 0–100: resta 80");
    }

    @Test
    void capAboveOneHundredCutsOverAchievementOnly() {
        // 130 → 100; −20 stays −20 (a cap has no floor)
        String tetto = "mappatura: {tipo: TETTO, massimo: 100}";
        Esito e = mappato(tetto, "100", "130");
        assertThat(e.punti()).isEqualByComparingTo("100");
        assertThat(e.passi()).contains("oltre il tetto di 100: 130 → 100");
        assertThat(mappato(tetto, "50", "-10").punti()).isEqualByComparingTo("-20");
    }

    @Test
    void bandValueAndBandInterpolation() {
        String fasce = """
                mappatura:
                  tipo: FASCE
                  fasce:
                    - {a: 50, valore: 0}
                    - {da: 50, a: 100, valore: 100, proporzionale: true, valoreDa: 50}
                    - {da: 100, valore: 100}""";
        // 40 → band "fino a 50": 0
        assertThat(mappato(fasce, "100", "40").punti()).isEqualByComparingTo("0");
        // 70 → 50 + (70 − 50) / (100 − 50) × (100 − 50) = 70; 50 exactly starts the second band → 50
        assertThat(mappato(fasce, "100", "70").punti()).isEqualByComparingTo("70");
        assertThat(mappato(fasce, "100", "50").punti()).isEqualByComparingTo("50");
        // 150 → last band: 100
        assertThat(mappato(fasce, "100", "150").punti()).isEqualByComparingTo("100");
        // a closed scale: 0–34 → 0, 34–74 → 60, 74–100 → 100; 120 is above the last band → its value, 100;
        // −5 below the first → 0; 74 exactly → 100
        String chiuse = """
                mappatura:
                  tipo: FASCE
                  fasce:
                    - {da: 0, a: 34, valore: 0}
                    - {da: 34, a: 74, valore: 60}
                    - {da: 74, a: 100, valore: 100}""";
        assertThat(mappato(chiuse, "100", "120").punti()).isEqualByComparingTo("100");
        assertThat(mappato(chiuse, "100", "-5").punti()).isEqualByComparingTo("0");
        assertThat(mappato(chiuse, "100", "74").punti()).isEqualByComparingTo("100");
        assertThat(mappato(chiuse, "100", "73.99").punti()).isEqualByComparingTo("60");
    }

    @Test
    void colourBandsAreTheDefaultOnes() {
        // 33,99 rosso, 34 giallo, 74 verde, 120 (above the last band) verde
        assertThat(valutaIndicatore(indicatore("NC", "100", anno("33.99"))).colore()).isEqualTo(FasciaColore.Colore.ROSSO);
        assertThat(valutaIndicatore(indicatore("NC", "100", anno("34"))).colore()).isEqualTo(FasciaColore.Colore.GIALLO);
        assertThat(valutaIndicatore(indicatore("NC", "100", anno("74"))).colore()).isEqualTo(FasciaColore.Colore.VERDE);
        assertThat(valutaIndicatore(indicatore("NC", "100", anno("120"))).colore()).isEqualTo(FasciaColore.Colore.VERDE);
    }

    // ---- phases

    private static Valutazione.Fase unaFase(MetodoSmvp m, DatiValutazione.Fase f) {
        return valuta(m, obiettivo("OB", List.of(f))).obiettivo("OB").fasi().get(0);
    }

    @Test
    void aPhaseOnTimeScoresOneHundred() {
        LocalDate fine = LocalDate.of(2024, 6, 30);
        Valutazione.Fase f = unaFase(ProvaSmvp.metodo(), fase(1, fine, LocalDate.of(2024, 5, 20), 100));
        assertThat(f.esito().punti()).isEqualByComparingTo("100");
        assertThat(f.tempestivita()).isEqualTo(Tempestivita.IN_ANTICIPO);
        assertThat(f.esito().passi()).contains("completata il 20/05/2024 entro la fine prevista 30/06/2024: 100");
    }

    @Test
    void aPhaseLateLosesThePenaltyPerMonthOrPartOfIt() {
        LocalDate fine = LocalDate.of(2024, 6, 30);
        // 45 days late: 2 months (each 30 days or part) × 10 = 20 → 80
        assertThat(unaFase(ProvaSmvp.metodo(), fase(1, fine, LocalDate.of(2024, 8, 14), 100)).esito().punti()).isEqualByComparingTo("80");
        // 330 days late: 11 months × 10 = 110 → not below 0
        Valutazione.Fase f = unaFase(ProvaSmvp.metodo(), fase(1, LocalDate.of(2024, 1, 31), LocalDate.of(2024, 12, 26), 100));
        assertThat(f.esito().punti()).isEqualByComparingTo("0");
        assertThat(f.tempestivita()).isEqualTo(Tempestivita.IN_RITARDO);
        // with 15 days of tolerance, 10 days late is on time
        MetodoSmvp tolleranza = ProvaSmvp.con("fattoreNonCompletata: 0.5", "tolleranzaGiorni: 15\n  fattoreNonCompletata: 0.5");
        assertThat(unaFase(tolleranza, fase(1, fine, LocalDate.of(2024, 7, 10), 100)).esito().punti()).isEqualByComparingTo("100");
    }

    @Test
    void aPhaseLateScoredThroughBandsOfDays() {
        MetodoSmvp m = ProvaSmvp.con("ritardo: {tipo: PER_MESE, penalitaMese: 10}", """
                ritardo:
                    tipo: FASCE_GIORNI
                    fasce:
                      - {a: 31, valore: 90}
                      - {da: 31, a: 91, valore: 70}
                      - {da: 91, valore: 40}""");
        LocalDate fine = LocalDate.of(2024, 6, 30);
        // 20 days → 90; 60 days → 70; 120 days → 40
        assertThat(unaFase(m, fase(1, fine, LocalDate.of(2024, 7, 20), 100)).esito().punti()).isEqualByComparingTo("90");
        assertThat(unaFase(m, fase(1, fine, LocalDate.of(2024, 8, 29), 100)).esito().punti()).isEqualByComparingTo("70");
        assertThat(unaFase(m, fase(1, fine, LocalDate.of(2024, 10, 28), 100)).esito().punti()).isEqualByComparingTo("40");
    }

    @Test
    void anUnfinishedPhaseScoresItsRecordedPercentTimesTheFactor() {
        // 70% × 0,5 = 35, past its end: late; none recorded: 0
        Valutazione.Fase f = unaFase(ProvaSmvp.metodo(), fase(1, LocalDate.of(2024, 10, 31), null, 70));
        assertThat(f.esito().punti()).isEqualByComparingTo("35");
        assertThat(f.tempestivita()).isEqualTo(Tempestivita.IN_RITARDO);
        assertThat(f.esito().passi()).contains(
                "non completata al 31/12/2024 (fine prevista 31/10/2024 superata): avanzamento registrato 70% × 0,5 = 35");
        assertThat(unaFase(ProvaSmvp.metodo(), fase(1, LocalDate.of(2024, 10, 31), null, null)).esito().punti()).isEqualByComparingTo("0");
        // completed after the date of the evaluation: not completed at that date
        Valutazione.Fase dopo = unaFase(ProvaSmvp.metodo(), fase(1, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 1, 10), 80));
        assertThat(dopo.esito().punti()).isEqualByComparingTo("40");
        assertThat(dopo.tempestivita()).isEqualTo(Tempestivita.IN_LINEA);
    }

    @Test
    void aPhaseScoredByItsOwnIndicator() {
        // phase 2 is scored by DT: delivered 15 days late → 80 (not the phase rule's 100 for an on-time completion)
        MetodoSmvp m = ProvaSmvp.metodo(ProvaSmvp.METODO + """
                obiettivi:
                  - obiettivo: OB
                    fasi:
                      - {numero: 1, peso: 50}
                      - {numero: 2, peso: 50, indicatore: DT}
                """);
        var dt = indicatore("DT", new Valore.Data(LocalDate.of(2024, 6, 30)), null, anno(new Valore.Data(LocalDate.of(2024, 7, 15))));
        Valutazione.Obiettivo o = valuta(m, obiettivo("OB", List.of(
                fase(1, LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 30), 100),
                fase(2, LocalDate.of(2024, 7, 31), LocalDate.of(2024, 7, 31), 100)), dt)).obiettivo("OB");
        assertThat(o.fasi().get(1).esito().punti()).isEqualByComparingTo("80");
        assertThat(o.fasi().get(1).esito().passi()).contains("valutata, come vuole il metodo, con l'indicatore DT: 80");
        // fasi (50 × 100 + 50 × 80) / 100 = 90; indicators: DT 80; grado (50 × 90 + 50 × 80) / 100 = 85
        assertThat(o.esito().punti()).isEqualByComparingTo("85");
    }

    // ---- objectives, weights and decisions

    private static final List<DatiValutazione.Fase> DUE_FASI = List.of(
            fase(1, LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 30), 100),
            fase(2, LocalDate.of(2024, 10, 31), null, 60));

    @Test
    void theObjectiveCombinesPhasesAndIndicatorsByTheirShares() {
        // phases equal: (1 × 100 + 1 × 30) / 2 = 65 (phase 2: 60% × 0,5 = 30)
        // indicators equal: NC 45/60 → 75, ND (2 × 10 − 12) / 10 → 80: (75 + 80) / 2 = 77,5
        // grado: (50 × 65 + 50 × 77,5) / 100 = 71,25
        Valutazione.Obiettivo o = valuta(ProvaSmvp.metodo(), obiettivo("OB", DUE_FASI,
                indicatore("NC", "60", anno("45")), indicatore("ND", "10", anno("12")))).obiettivo("OB");
        assertThat(o.esito().punti()).isEqualByComparingTo("71.25");
        assertThat(o.esito().passi()).contains("fasi: media pesata (1 × 100 + 1 × 30) / 2 = 65",
                "indicatori: media pesata (1 × 75 + 1 × 80) / 2 = 77,5",
                "peso fasi 50% e peso indicatori 50% predefiniti dal metodo",
                "grado di raggiungimento: media pesata (50 × 65 + 50 × 77,5) / 100 = 71,25");
        assertThat(o.colore()).isEqualTo(FasciaColore.Colore.GIALLO);
    }

    @Test
    void weightsComeFromTheMethodThenThePegThenEqual() {
        MetodoSmvp m = ProvaSmvp.metodo(ProvaSmvp.METODO + """
                obiettivi:
                  - obiettivo: OB
                    pesoFasi: 20
                    pesoIndicatori: 80
                    fasi:
                      - {numero: 1, peso: 25}
                      - {numero: 2, peso: 75}
                    indicatori:
                      - {codice: NC, peso: 90}
                      - {codice: ND, peso: 10}
                """);
        // phases (25 × 100 + 75 × 30) / 100 = 47,5; indicators (90 × 75 + 10 × 80) / 100 = 75,5
        // grado (20 × 47,5 + 80 × 75,5) / 100 = 69,9
        assertThat(valuta(m, obiettivo("OB", DUE_FASI, indicatore("NC", "60", anno("45")), indicatore("ND", "10", anno("12"))))
                .obiettivo("OB").esito().punti()).isEqualByComparingTo("69.9");
        // the PEG's own: pesoFasi 30 / pesoIndicatori 70, indicator weights 1 and 3:
        // indicators (1 × 75 + 3 × 80) / 4 = 78,75; grado (30 × 65 + 70 × 78,75) / 100 = 74,625 → 74,63
        var dalPeg = new DatiValutazione.Obiettivo("OB", "Dal PEG", "SET", null, new java.math.BigDecimal("30"),
                new java.math.BigDecimal("70"), DUE_FASI, List.of(
                new DatiValutazione.Indicatore("NC", java.math.BigDecimal.ONE, Valore.numero("60"), null, List.of(anno("45"))),
                new DatiValutazione.Indicatore("ND", new java.math.BigDecimal("3"), Valore.numero("10"), null, List.of(anno("12")))));
        Valutazione.Obiettivo o = valuta(ProvaSmvp.metodo(), dalPeg).obiettivo("OB");
        assertThat(o.esito().punti()).isEqualByComparingTo("74.63");
        assertThat(o.esito().passi()).contains("pesi degli indicatori dal PEG", "peso fasi 30% e peso indicatori 70% dal PEG");
    }

    @Test
    void allTheWeightOnOneItem() {
        // NC weighs 100, ND 0: indicators = NC's 75, whatever ND scores
        MetodoSmvp m = ProvaSmvp.metodo(ProvaSmvp.METODO + """
                obiettivi:
                  - obiettivo: OB
                    pesoFasi: 0
                    pesoIndicatori: 100
                    indicatori:
                      - {codice: NC, peso: 100}
                      - {codice: ND, peso: 0}
                """);
        Valutazione.Obiettivo o = valuta(m, obiettivo("OB", DUE_FASI, indicatore("NC", "60", anno("45")),
                indicatore("ND", "10", anno("19")))).obiettivo("OB");
        // phases 65 weigh 0; grado (0 × 65 + 100 × 75) / 100 = 75
        assertThat(o.esito().punti()).isEqualByComparingTo("75");
        assertThat(o.quoteIndicatori()).extracting(Quota::pesoEffettivo).extracting(java.math.BigDecimal::doubleValue)
                .containsExactly(1.0, 0.0);
    }

    @Test
    void aNonValutabileItemIsLeftOutAndTheOthersRenormalised() {
        // indicators NC 75 (weight 1), ND 80 (weight 1), PC 72/90 → 80... ND non valutabile:
        // (1 × 75 + 1 × 80) / 2 = 77,5 with NC and PC; effective weights 50% each
        var dati = new DatiValutazione(FINE_ANNO, List.of(obiettivo("OB", List.of(), indicatore("NC", "60", anno("45")),
                indicatore("ND", "10", anno("19")), indicatore("PC", "90", anno("72")))), null,
                List.of(nonValutabile("OB", INDICATORE, "ND")));
        Valutazione.Obiettivo o = MotoreSmvp.valuta(ProvaSmvp.metodo(), dati).obiettivo("OB");
        assertThat(o.indicatori().get(1).esito().stato()).isEqualTo(Esito.Stato.NON_VALUTABILE);
        assertThat(o.indicatori().get(1).esito().motivazione()).isEqualTo("Dato non disponibile per cause esterne");
        assertThat(o.esito().punti()).isEqualByComparingTo("77.5");
        assertThat(o.esito().passi()).contains(
                "indicatore ND: esclusa (non valutabile: Dato non disponibile per cause esterne)",
                "indicatori: pesi rinormalizzati sulle voci valutabili (pesano 2 in tutto)");
    }

    @Test
    void aNonValutabileItemCarryingAllTheWeightLeavesItsShareOutAndTheOtherShareCountsWhole() {
        // NC weighs 100, ND 0; NC non valutabile: the indicators that count weigh 0 → the indicators' mean is not
        // computable; the objective's grado is then the phases' 65 alone (the indicators' share is left out)
        MetodoSmvp m = ProvaSmvp.metodo(ProvaSmvp.METODO + """
                obiettivi:
                  - obiettivo: OB
                    indicatori:
                      - {codice: NC, peso: 100}
                      - {codice: ND, peso: 0}
                """);
        var dati = new DatiValutazione(FINE_ANNO, List.of(obiettivo("OB", DUE_FASI, indicatore("NC", "60", anno("45")),
                indicatore("ND", "10", anno("12")))), null, List.of(nonValutabile("OB", INDICATORE, "NC")));
        Valutazione.Obiettivo o = MotoreSmvp.valuta(m, dati).obiettivo("OB");
        assertThat(o.esito().punti()).isEqualByComparingTo("65");
        assertThat(o.esito().passi()).contains("indicatori: le voci valutabili pesano 0 in tutto, non calcolabile",
                "indicatori: esclusa (nessun indicatore conta)");
        // and with no phase either, the objective is not computable and leaves the ente's mean
        var soloIndicatori = new DatiValutazione(FINE_ANNO, List.of(
                obiettivo("OB", List.of(), indicatore("NC", "60", anno("45")), indicatore("ND", "10", anno("12"))),
                obiettivo("OB2", List.of(), indicatore("NC", "60", anno("30")))), null, List.of(nonValutabile("OB", INDICATORE, "NC")));
        Valutazione v = MotoreSmvp.valuta(m, soloIndicatori);
        assertThat(v.obiettivo("OB").esito().stato()).isEqualTo(Esito.Stato.NON_CALCOLABILE);
        assertThat(v.obiettivo("OB").esito().punti()).isNull();
        // the ente: only OB2 counts, 30 / 60 × 100 = 50
        assertThat(v.ente().esito().punti()).isEqualByComparingTo("50");
    }

    @Test
    void aForcedAchievementReplacesTheScoreAndKeepsTheComputedOne() {
        var dati = new DatiValutazione(FINE_ANNO, List.of(obiettivo("OB", DUE_FASI, indicatore("NC", "60", anno("45")))), null,
                List.of(forzatura("OB", INDICATORE, "NC", "100"), forzatura("OB", FASE, "2", "90")));
        Valutazione.Obiettivo o = MotoreSmvp.valuta(ProvaSmvp.metodo(), dati).obiettivo("OB");
        Esito nc = o.indicatori().get(0).esito();
        assertThat(nc.stato()).isEqualTo(Esito.Stato.FORZATO);
        assertThat(nc.punti()).isEqualByComparingTo("100");
        assertThat(nc.calcolato()).isEqualByComparingTo("75");
        assertThat(nc.passi()).contains("raggiungimento forzato dal nucleo a 100: «Raggiunto con atto successivo alla rilevazione»;"
                + " il valore calcolato (75) resta agli atti");
        // phases (100 + 90) / 2 = 95; grado (50 × 95 + 50 × 100) / 100 = 97,5
        assertThat(o.esito().punti()).isEqualByComparingTo("97.5");
        // forcing the objective itself
        var forzato = new DatiValutazione(FINE_ANNO, dati.obiettivi(), null, List.of(forzatura("OB", OBIETTIVO, null, "60")));
        Esito e = MotoreSmvp.valuta(ProvaSmvp.metodo(), forzato).obiettivo("OB").esito();
        assertThat(e.punti()).isEqualByComparingTo("60");
        // computed: phases 65, indicators 75 → (50 × 65 + 50 × 75) / 100 = 70
        assertThat(e.calcolato()).isEqualByComparingTo("70");
    }

    @Test
    void theObjectivesMappingCapsItAtOneHundred() {
        // indicators 120 (as is), no phases: grado 120 → cap 100
        MetodoSmvp m = ProvaSmvp.con(COSI_COME, COSI_COME + "\nmappaturaObiettivo: {tipo: TETTO, massimo: 100}");
        Valutazione.Obiettivo o = valuta(m, obiettivo("OB", List.of(), indicatore("NC", "100", anno("120")))).obiettivo("OB");
        assertThat(o.esito().punti()).isEqualByComparingTo("100");
        assertThat(o.esito().passi()).contains("fasi: esclusa (nessuna fase)", "oltre il tetto di 100: 120 → 100");
    }

    // ---- aggregates and people

    @Test
    void settoreUfficioEnteAndPeople() {
        MetodoSmvp m = ProvaSmvp.metodo(ProvaSmvp.METODO + """
                aggregazioni:
                  settori:
                    - settore: S1
                      obiettivi:
                        - {obiettivo: A, peso: 70}
                        - {obiettivo: B, peso: 30}
                  ente:
                    - {obiettivo: A, peso: 50}
                    - {obiettivo: B, peso: 25}
                    - {obiettivo: C, peso: 25}
                """);
        // A: NC 45/60 → 75; B: NC 60/60 → 100; C: NC 30/60 → 50 (indicators only: grado = the indicators' mean)
        var a = new DatiValutazione.Obiettivo("A", "A", "S1", "U1", null, null, List.of(), List.of(indicatore("NC", "60", anno("45"))));
        var b = new DatiValutazione.Obiettivo("B", "B", "S1", "U1", null, null, List.of(), List.of(indicatore("NC", "60", anno("60"))));
        var c = new DatiValutazione.Obiettivo("C", "C", "S2", null, null, null, List.of(), List.of(indicatore("NC", "60", anno("30"))));
        var assegnazioni = List.of(
                // Rossi: A all year (366 days in 2024), B from 01/07 to 31/12 (184 days)
                new DatiValutazione.Assegnazione("ROSSI", "A", LocalDate.of(2023, 6, 1), LocalDate.of(2025, 1, 31)),
                new DatiValutazione.Assegnazione("ROSSI", "B", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31)),
                // Bianchi: C, 31 days
                new DatiValutazione.Assegnazione("BIANCHI", "C", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)));
        Valutazione v = MotoreSmvp.valuta(m, new DatiValutazione(FINE_ANNO, List.of(a, b, c), assegnazioni, null));
        // settore S1 by the method: (70 × 75 + 30 × 100) / 100 = 82,5; S2 equal: 50
        assertThat(v.settori()).extracting(s -> s.esito().punti().toPlainString()).containsExactly("82.50", "50.00");
        // ufficio U1 of S1, equal weights: (75 + 100) / 2 = 87,5
        assertThat(v.uffici()).singleElement().satisfies(u -> assertThat(u.esito().punti()).isEqualByComparingTo("87.5"));
        // ente: (50 × 75 + 25 × 100 + 25 × 50) / 100 = 75
        assertThat(v.ente().esito().punti()).isEqualByComparingTo("75");
        // Rossi: A 366 days × 50 = 18300, B 184 × 25 = 4600; (18300 × 75 + 4600 × 100) / 22900 = 80,0218… → 80,02
        Valutazione.Persona rossi = v.persona("ROSSI");
        assertThat(rossi.esito().punti()).isEqualByComparingTo("80.02");
        assertThat(rossi.esito().passi()).contains("obiettivo A: 366 giorni × peso 50 = 18300", "obiettivo B: 184 giorni × peso 25 = 4600");
        assertThat(v.persona("BIANCHI").esito().punti()).isEqualByComparingTo("50");
    }

    // ---- bad input

    @Test
    void badInputIsRefusedWithEveryFieldNamed() {
        var dati = new DatiValutazione(FINE_ANNO, List.of(new DatiValutazione.Obiettivo("OB", "OB", "S", null, null, null,
                List.of(fase(1, null, null, 140)), List.of(
                // a ratio with a zero denominator
                new DatiValutazione.Indicatore("RU", null, Valore.numero("0.8"), null,
                        List.of(new DatiValutazione.Rilevazione(new PeriodoMisura(Periodicita.TRIMESTRE, 2024, 1), Valore.rapporto("3", "0")))),
                // a value of the wrong type: a date for a number
                indicatore("NC", Valore.numero("10"), null, anno(new Valore.Data(LocalDate.of(2024, 1, 1)))),
                // a date indicator without its date
                indicatore("DT", (Valore) null, null),
                // a value for a period the method does not measure (monthly, for a yearly indicator)
                indicatore("ND", Valore.numero("5"), null,
                        new DatiValutazione.Rilevazione(new PeriodoMisura(Periodicita.MESE, 2024, 1), Valore.numero("4"))),
                // an indicator the method does not know
                indicatore("IGNOTO", "1", anno("1"))))), null,
                List.of(forzatura("OB", INDICATORE, "NC", "-5")));
        assertThatThrownBy(() -> MotoreSmvp.valuta(ProvaSmvp.metodo(), dati))
                .isInstanceOfSatisfying(ValoriNonValidi.class, e -> assertThat(e.errori()).extracting(ValoriNonValidi.Errore::campo)
                        .containsExactly(
                                "obiettivi[0].fasi[0].percentuale",
                                "obiettivi[0].indicatori[0].rilevazioni[0].valore",
                                "obiettivi[0].indicatori[1].rilevazioni[0].valore",
                                "obiettivi[0].indicatori[2].atteso",
                                "obiettivi[0].indicatori[3].rilevazioni[0].periodo",
                                "obiettivi[0].indicatori[4].codice",
                                "decisioni[0].valore"));
    }
}
