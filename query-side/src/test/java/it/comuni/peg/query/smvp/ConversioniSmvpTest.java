package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.Periodicita;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static it.comuni.peg.query.smvp.ProvaSmvp.anno;
import static it.comuni.peg.query.smvp.ProvaSmvp.indicatore;
import static it.comuni.peg.query.smvp.ProvaSmvp.periodo;
import static it.comuni.peg.query.smvp.ProvaSmvp.valutaIndicatore;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conversion kind and indicator type, computed by hand; results as they are (the test method maps
 * nothing), 2 decimals HALF_UP. Listed in docs/smvp/casi-di-prova.md.
 */
class ConversioniSmvpTest {

    private static Esito esito(DatiValutazione.Indicatore ind) {
        return valutaIndicatore(ind).esito();
    }

    @Test
    void percentOfTargetHigherIsBetter() {
        // 45 / 60 × 100 = 75
        Esito e = esito(indicatore("NC", "60", anno("45")));
        assertThat(e.punti()).isEqualByComparingTo("75");
        assertThat(e.passi()).contains("rilevato / obiettivo × 100: 45 / 60 × 100 = 75");
    }

    /** The explanation speaks Italian: the kinds in words, not as the method's constants, and "dell'anno". */
    @Test
    void theExplanationNamesKindsInWordsAndTheYearWithItsArticle() {
        Esito e = esito(indicatore("NC", "60", anno("45")));
        assertThat(e.passi()).anyMatch(p -> p.matches("indicatore NC «.*», tipo numero, .*"))
                .anyMatch(p -> p.matches("conversione '.*' \\(percentuale di raggiungimento\\)"))
                .anyMatch(p -> p.startsWith("valore dell'anno 2024"))
                .noneMatch(p -> p.matches(".*\\b(del anno|PERCENTUALE|NUMERO|RAPPORTO|SI_NO|DATA|SOGLIE|AVANZAMENTO|COEFFICIENTE"
                        + "|SCOSTAMENTO\\w*)\\b.*"));
    }

    @Test
    void percentOfTargetLowerIsBetterIsTwiceTheTargetLessTheActual() {
        // (2 × 28,5 − 31) / 28,5 × 100 = 26 / 28,5 × 100 = 91,2280… → 91,23
        Esito e = esito(indicatore("ND", "28.5", anno("31")));
        assertThat(e.punti()).isEqualByComparingTo("91.23");
        assertThat(e.passi()).contains("(2 × obiettivo − rilevato) / obiettivo × 100: (2 × 28,5 − 31) / 28,5 × 100 = 91,23");
    }

    @Test
    void lowerIsBetterWithTheActualAboveTwiceTheTargetGoesNegative() {
        // (2 × 10 − 25) / 10 × 100 = −50 (as is: the method's mapping decides what a negative score counts)
        assertThat(esito(indicatore("ND", "10", anno("25"))).punti()).isEqualByComparingTo("-50");
    }

    @Test
    void lowerIsBetterAsARatioIsTargetOverActual() {
        // 30 / 40 × 100 = 75; actual 0: the ratio is undefined, full achievement 100
        assertThat(esito(indicatore("NDR", "30", anno("40"))).punti()).isEqualByComparingTo("75");
        Esito zero = esito(indicatore("NDR", "30", anno("0")));
        assertThat(zero.punti()).isEqualByComparingTo("100");
        assertThat(zero.passi()).anyMatch(p -> p.contains("non è definito"));
    }

    @Test
    void aTargetOfZeroScoresOneHundredWhenTheDirectionIsMet() {
        // higher is better, target 0: actual 3 ≥ 0 → 100, actual −2 → 0; lower is better, target 0: actual 0 ≤ 0 → 100, actual 4 → 0
        assertThat(esito(indicatore("NC", "0", anno("3"))).punti()).isEqualByComparingTo("100");
        assertThat(esito(indicatore("NC", "0", anno("-2"))).punti()).isEqualByComparingTo("0");
        assertThat(esito(indicatore("ND", "0", anno("0"))).punti()).isEqualByComparingTo("100");
        assertThat(esito(indicatore("ND", "0", anno("4"))).punti()).isEqualByComparingTo("0");
    }

    @Test
    void anActualOfZeroScoresZeroWhenHigherIsBetterAndTwoHundredWhenLowerIs() {
        // 0 / 50 × 100 = 0; (2 × 50 − 0) / 50 × 100 = 200
        assertThat(esito(indicatore("NC", "50", anno("0"))).punti()).isEqualByComparingTo("0");
        assertThat(esito(indicatore("ND", "50", anno("0"))).punti()).isEqualByComparingTo("200");
    }

    @Test
    void negativeValuesDivideByTheTargetsAbsoluteValue() {
        // actual −10, target 50 (higher better): −10 / 50 × 100 = −20
        assertThat(esito(indicatore("NC", "50", anno("-10"))).punti()).isEqualByComparingTo("-20");
        // target −20 (a balance to bring up to −20), actual −10: 100 + (−10 − (−20)) / 20 × 100 = 150
        Esito e = esito(indicatore("NC", "-20", anno("-10")));
        assertThat(e.punti()).isEqualByComparingTo("150");
        assertThat(e.passi()).anyMatch(p -> p.contains("100 + (-10 − (-20)) / 20 × 100 = 150"));
        // lower is better, target −20, actual −30: 100 + (−20 − (−30)) / 20 × 100 = 150
        assertThat(esito(indicatore("ND", "-20", anno("-30"))).punti()).isEqualByComparingTo("150");
    }

    @Test
    void overAchievementIsKeptWhenTheMappingTakesItAsItIs() {
        // 120 / 100 × 100 = 120
        assertThat(esito(indicatore("NC", "100", anno("120"))).punti()).isEqualByComparingTo("120");
    }

    @Test
    void coefficientIsTheSameOverOneHundred() {
        // 40 / 48 × 100 = 83,333… → 83,33; 83,33 / 100 = 0,8333
        Esito e = esito(indicatore("CO", "48", anno("40")));
        assertThat(e.punti()).isEqualByComparingTo("0.83");
        assertThat(e.calcolato()).isEqualByComparingTo("0.83");
        assertThat(e.passi()).contains("coefficiente: 83,33 / 100 = 0,8333");
    }

    @Test
    void deviationInPercentIsSignedSoThatGoodIsPositive() {
        // higher better: (44 − 40) / 40 × 100 = 10; lower better: (40 − 44) / 40 × 100 = −10
        assertThat(esito(indicatore("SP", "40", anno("44"))).punti()).isEqualByComparingTo("10");
        assertThat(esito(indicatore("SPD", "40", anno("44"))).punti()).isEqualByComparingTo("-10");
        // a target of 0: 0 deviates by 0; 5 has no deviation in percent, so no value: 0 points (rule ZERO)
        assertThat(esito(indicatore("SP", "0", anno("0"))).punti()).isEqualByComparingTo("0");
        Esito indefinito = esito(indicatore("SP", "0", anno("5")));
        assertThat(indefinito.punti()).isEqualByComparingTo("0");
        assertThat(indefinito.passi()).contains("lo scostamento in percentuale da un obiettivo pari a 0 non è definito",
                "senza valore l'indicatore vale 0, come vuole il metodo");
    }

    @Test
    void deviationInValueIsInTheIndicatorsUnit() {
        // lower better: 30 − 27,5 = 2,5
        assertThat(esito(indicatore("SV", "30", anno("27.5"))).punti()).isEqualByComparingTo("2.5");
    }

    @Test
    void againstThePreviousYearsActual() {
        // 1100 / 1000 × 100 = 110 (the target, 1200, is not used)
        Esito e = esito(indicatore("PR", Valore.numero("1200"), Valore.numero("1000"), anno("1100")));
        assertThat(e.punti()).isEqualByComparingTo("110");
        assertThat(e.passi()).contains("rilevato / valore dell'anno precedente × 100: 1100 / 1000 × 100 = 110");
        // deviation: (1100 − 1000) / 1000 × 100 = 10
        assertThat(esito(indicatore("SPR", null, Valore.numero("1000"), anno("1100"))).punti()).isEqualByComparingTo("10");
    }

    @Test
    void withoutThePreviousYearsActualTheValueIsMissing() {
        Esito e = esito(indicatore("PR", Valore.numero("1200"), null, anno("1100")));
        assertThat(e.punti()).isEqualByComparingTo("0");
        assertThat(e.passi()).contains("manca il valore dell'anno precedente: la conversione 'prec' non si può applicare");
    }

    @Test
    void progressFromThePreviousYearToTheTarget() {
        // (1100 − 1000) / (1200 − 1000) × 100 = 50
        assertThat(esito(indicatore("AV", Valore.numero("1200"), Valore.numero("1000"), anno("1100"))).punti())
                .isEqualByComparingTo("50");
        // target equal to last year: reached (1000 ≥ 1000) → 100
        assertThat(esito(indicatore("AV", Valore.numero("1000"), Valore.numero("1000"), anno("1000"))).punti())
                .isEqualByComparingTo("100");
    }

    @Test
    void thresholdsHigherIsBetter() {
        // min 60, target 80, max 90, eccellenza 100
        // 50 < 60: below the minimum → sottoMinimo 0
        assertThat(esito(indicatore("SO", null, anno("50"))).punti()).isEqualByComparingTo("0");
        // 70: (70 − 60) / (80 − 60) × 100 = 50
        assertThat(esito(indicatore("SO", null, anno("70"))).punti()).isEqualByComparingTo("50");
        // 80: 100 + 0 = 100; 85: 100 + (85 − 80) / (90 − 80) × 100 = 150
        assertThat(esito(indicatore("SO", null, anno("80"))).punti()).isEqualByComparingTo("100");
        assertThat(esito(indicatore("SO", null, anno("85"))).punti()).isEqualByComparingTo("150");
        // 95: 200 + (95 − 90) / (100 − 90) × 100 = 250; 130: beyond eccellenza, cap 300
        assertThat(esito(indicatore("SO", null, anno("95"))).punti()).isEqualByComparingTo("250");
        assertThat(esito(indicatore("SO", null, anno("130"))).punti()).isEqualByComparingTo("300");
    }

    @Test
    void thresholdsLowerIsBetterWithASentinelBelowTheMinimum() {
        // min 40, target 30, max 20 (no eccellenza), sottoMinimo −1
        // 45 worse than 40 → sentinel −1; 35: (35 − 40) / (30 − 40) × 100 = 50; 25: 100 + (25 − 30) / (20 − 30) × 100 = 150;
        // 10 beyond the maximum → cap 200
        assertThat(esito(indicatore("SOD", null, anno("45"))).punti()).isEqualByComparingTo("-1");
        Esito e = esito(indicatore("SOD", null, anno("35")));
        assertThat(e.punti()).isEqualByComparingTo("50");
        assertThat(e.passi()).contains("tra minimo e obiettivo, da 0 a 100: (35 − 40) / (30 − 40) × 100 = 50");
        assertThat(esito(indicatore("SOD", null, anno("25"))).punti()).isEqualByComparingTo("150");
        assertThat(esito(indicatore("SOD", null, anno("10"))).punti()).isEqualByComparingTo("200");
    }

    @Test
    void aPercentageIndicator() {
        // 72 / 90 × 100 = 80
        assertThat(esito(indicatore("PC", "90", anno("72"))).punti()).isEqualByComparingTo("80");
    }

    @Test
    void aRatioSummedOverTheClosedQuartersIsTheRatioOfTheSums() {
        // Q1 18/20, Q2 27/30, Q3 40/50 (Q4 not closed at 30/09): (18 + 27 + 40) / (20 + 30 + 50) = 85 / 100 = 0,85;
        // 0,85 / 0,9 × 100 = 94,444… → 94,44
        var ind = indicatore("RA", "0.9",
                periodo(Periodicita.TRIMESTRE, 1, Valore.rapporto("18", "20")),
                periodo(Periodicita.TRIMESTRE, 2, Valore.rapporto("27", "30")),
                periodo(Periodicita.TRIMESTRE, 3, Valore.rapporto("40", "50")),
                periodo(Periodicita.TRIMESTRE, 4, Valore.rapporto("1", "1")));
        Esito e = valutaIndicatore(ProvaSmvp.metodo(), ind, LocalDate.of(2024, 9, 30)).esito();
        assertThat(e.punti()).isEqualByComparingTo("94.44");
        assertThat(e.passi()).contains(
                "valore del 4° trimestre 2024 non considerato: il periodo si chiude il 31/12/2024, dopo il 30/09/2024",
                "rapporto delle somme dei periodi chiusi (1° trimestre 2024, 2° trimestre 2024, 3° trimestre 2024): "
                        + "(18 + 27 + 40) / (20 + 30 + 50) = 85 / 100 = 0,85");
    }

    @Test
    void aRatioAveragedIsTheMeanOfThePeriodsRatios() {
        // Q1 1/4 = 0,25, Q2 3/4 = 0,75: (0,25 + 0,75) / 2 = 0,5; 0,5 / 0,5 × 100 = 100
        var ind = indicatore("RM", "0.5",
                periodo(Periodicita.TRIMESTRE, 1, Valore.rapporto("1", "4")),
                periodo(Periodicita.TRIMESTRE, 2, Valore.rapporto("3", "4")));
        assertThat(esito(ind).punti()).isEqualByComparingTo("100");
    }

    @Test
    void aRatioTakenAsTheLastPeriodExplainsBothTerms() {
        // Q2 2/3 = 0,6667 (4 decimals); 0,6667 / 0,8 × 100 = 83,3375 → 83,34
        var ind = indicatore("RU", "0.8",
                periodo(Periodicita.TRIMESTRE, 1, Valore.rapporto("1", "10")),
                periodo(Periodicita.TRIMESTRE, 2, Valore.rapporto("2", "3")));
        Esito e = esito(ind);
        assertThat(e.punti()).isEqualByComparingTo("83.34");
        assertThat(e.passi()).contains("valore del 2° trimestre 2024: 2 / 3 = 0,6667");
    }

    @Test
    void numbersSummedAndAveragedOverPeriods() {
        // quarters 10 + 20 + 30 + 40 = 100; 100 / 80 × 100 = 125
        var somma = indicatore("NS", "80",
                periodo(Periodicita.TRIMESTRE, 1, Valore.numero("10")), periodo(Periodicita.TRIMESTRE, 2, Valore.numero("20")),
                periodo(Periodicita.TRIMESTRE, 3, Valore.numero("30")), periodo(Periodicita.TRIMESTRE, 4, Valore.numero("40")));
        assertThat(esito(somma).punti()).isEqualByComparingTo("125");
        // months 10, 11, 15 (Jan–Mar, at 31/03): (10 + 11 + 15) / 3 = 12; 12 / 16 × 100 = 75
        var media = indicatore("NM", "16",
                periodo(Periodicita.MESE, 1, Valore.numero("10")), periodo(Periodicita.MESE, 2, Valore.numero("11")),
                periodo(Periodicita.MESE, 3, Valore.numero("15")));
        Esito e = valutaIndicatore(ProvaSmvp.metodo(), media, LocalDate.of(2024, 3, 31)).esito();
        assertThat(e.punti()).isEqualByComparingTo("75");
        assertThat(e.passi()).contains("media dei periodi chiusi (1° mese 2024, 2° mese 2024, 3° mese 2024): (10 + 11 + 15) / 3 = 12");
    }

    @Test
    void aDateIsScoredByDaysLateOrEarlyThroughBands() {
        LocalDate termine = LocalDate.of(2024, 6, 30);
        // 10 days early: −10 falls in "fino a 1" → 100
        assertThat(esito(indicatore("DT", new Valore.Data(termine), null, anno(new Valore.Data(LocalDate.of(2024, 6, 20)))))
                .punti()).isEqualByComparingTo("100");
        // on the day: 0 → 100
        assertThat(esito(indicatore("DT", new Valore.Data(termine), null, anno(new Valore.Data(termine)))).punti())
                .isEqualByComparingTo("100");
        // 15 days late: band 1–31 → 80
        assertThat(esito(indicatore("DT", new Valore.Data(termine), null, anno(new Valore.Data(LocalDate.of(2024, 7, 15)))))
                .punti()).isEqualByComparingTo("80");
        // 61 days late (30/08): proportional band 31–91 from 80 to 50: 80 + (61 − 31) / (91 − 31) × (50 − 80) = 65
        Esito e = esito(indicatore("DT", new Valore.Data(termine), null, anno(new Valore.Data(LocalDate.of(2024, 8, 30)))));
        assertThat(e.punti()).isEqualByComparingTo("65");
        assertThat(e.passi()).contains("data rilevata 30/08/2024, attesa 30/06/2024: 61 giorni di ritardo",
                "61 giorni di ritardo cade nella fascia da 31 a 91, proporzionale da 80 a 50: 80 + (61 − 31) / (91 − 31) × (50 − 80) = 65");
        // 100 days late: last band → 0
        assertThat(esito(indicatore("DT", new Valore.Data(termine), null, anno(new Valore.Data(LocalDate.of(2024, 10, 8)))))
                .punti()).isEqualByComparingTo("0");
    }

    @Test
    void aDateNotRecordedCountsTheDelaySoFarOrWaitsForItsTerm() {
        Valore.Data termine = new Valore.Data(LocalDate.of(2024, 6, 30));
        // at 15/07/2024, no date: 15 days late so far → 80
        Esito tardi = valutaIndicatore(ProvaSmvp.metodo(), indicatore("DT", termine, null), LocalDate.of(2024, 7, 15)).esito();
        assertThat(tardi.punti()).isEqualByComparingTo("80");
        // at 30/06/2024, no date, term not past: no value → 0 (rule ZERO)
        Esito presto = valutaIndicatore(ProvaSmvp.metodo(), indicatore("DT", termine, null), LocalDate.of(2024, 6, 30)).esito();
        assertThat(presto.punti()).isEqualByComparingTo("0");
        assertThat(presto.passi()).contains("nessuna data rilevata al 30/06/2024, termine del 30/06/2024 non ancora scaduto");
    }

    @Test
    void yesNoScoresTheExpectedAnswer() {
        // yes expected: yes 100, no 0; no expected (DECRESCENTE): no 100
        assertThat(esito(indicatore("SN", (Valore) null, null, anno(new Valore.SiNo(true)))).punti()).isEqualByComparingTo("100");
        assertThat(esito(indicatore("SN", (Valore) null, null, anno(new Valore.SiNo(false)))).punti()).isEqualByComparingTo("0");
        assertThat(esito(indicatore("SND", (Valore) null, null, anno(new Valore.SiNo(false)))).punti()).isEqualByComparingTo("100");
    }

    @Test
    void aMissingValueAtTheDateScoresZeroOrIsLeftOutAsTheMethodSays() {
        // no value at all: 0 under ZERO
        Esito zero = esito(indicatore("NC", "60"));
        assertThat(zero.punti()).isEqualByComparingTo("0");
        assertThat(zero.stato()).isEqualTo(Esito.Stato.CALCOLATO);
        // under ESCLUSO: no score, state MANCANTE
        var metodo = ProvaSmvp.con("pesoIndicatori: 50\n", "pesoIndicatori: 50\nvaloreMancante: ESCLUSO\n");
        Esito escluso = valutaIndicatore(metodo, indicatore("NC", "60")).esito();
        assertThat(escluso.punti()).isNull();
        assertThat(escluso.stato()).isEqualTo(Esito.Stato.MANCANTE);
    }
}
