package it.comuni.peg.query.smvp;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.smvp.Periodicita;
import it.comuni.peg.api.smvp.PeriodoMisura;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaReducer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed values, measurement periods, target dates and the previous year's actual, from a scheda to the engine's terms. */
class DatiDaSchedaTest {

    private static final ObiettivoId ID = ObiettivoId.di("ob-1");
    private static final LocalDate RIF = LocalDate.of(2024, 4, 10);

    private static Scheda scheda(int anno, Object... eventi) {
        Scheda s = SchedaReducer.applica(null, new ObiettivoDefinito(ID, "c_b648", anno, "Obiettivo", "<p>d</p>",
                new Settore("SASTER", "Settore", "ROSSI MARIO"), new Ufficio("UEDPRI", "Ufficio", "BIANCHI ANNA"),
                Peso.di(50.0), Peso.di(50.0), new RiferimentoDup("5.3", "T"), new RiferimentoDup("5.3.01", "E")), 1, Instant.EPOCH);
        long n = 1;
        for (Object e : eventi) {
            s = SchedaReducer.applica(s, e, ++n, Instant.EPOCH.plusSeconds(n));
        }
        return s;
    }

    private static IndicatoreDefinito definito(String codice, BigDecimal atteso, LocalDate dataAttesa, BigDecimal precedente) {
        return new IndicatoreDefinito(ID, codice, codice, null, atteso, Direzione.CRESCENTE, Peso.di(10), dataAttesa, precedente);
    }

    @Test
    void aRatioRecordedForTheFirstQuarterStaysThereWhateverItsReferenceDate() {
        Scheda s = scheda(2024, definito("RU", BigDecimal.ONE, null, null),
                new ValoreIndicatoreRegistrato(ID, "RU", new BigDecimal("0.75"), RIF, null, new BigDecimal("3"), new BigDecimal("4"), null, null, "2024-Q1"),
                new ValoreIndicatoreRegistrato(ID, "RU", new BigDecimal("0.5"), RIF, null, new BigDecimal("1"), new BigDecimal("2"), null, null, null));
        DatiValutazione.Indicatore i = DatiDaScheda.obiettivo(s, ProvaSmvp.metodo(), LocalDate.of(2024, 12, 31)).indicatori().get(0);
        assertThat(i.rilevazioni()).containsExactly(
                new DatiValutazione.Rilevazione(new PeriodoMisura(Periodicita.TRIMESTRE, 2024, 1), Valore.rapporto("3", "4")),
                new DatiValutazione.Rilevazione(new PeriodoMisura(Periodicita.TRIMESTRE, 2024, 2), Valore.rapporto("1", "2")));
    }

    @Test
    void aDateIndicatorTargetsThePlansDateAndReadsTheRecordedDate() {
        Scheda s = scheda(2024, definito("DT", null, LocalDate.of(2024, 6, 30), null),
                new ValoreIndicatoreRegistrato(ID, "DT", null, RIF, null, null, null, LocalDate.of(2024, 7, 5), null, null));
        DatiValutazione.Indicatore i = DatiDaScheda.obiettivo(s, ProvaSmvp.metodo(), LocalDate.of(2024, 12, 31)).indicatori().get(0);
        assertThat(i.atteso()).isEqualTo(new Valore.Data(LocalDate.of(2024, 6, 30)));
        assertThat(i.rilevazioni().get(0).valore()).isEqualTo(new Valore.Data(LocalDate.of(2024, 7, 5)));
    }

    @Test
    void lastYearsActualIsFoundByCodeBeforeTheRecordedOneAndAnAmbiguousCodeIsFoundNowhere() {
        Scheda quest = scheda(2024, definito("PR", BigDecimal.TEN, null, new BigDecimal("7")));
        Scheda prima = scheda(2023, definito("PR", BigDecimal.TEN, null, null),
                new ValoreIndicatoreRegistrato(ID, "PR", new BigDecimal("8"), LocalDate.of(2023, 12, 31), null));
        Map<String, BigDecimal> trovati = DatiDaScheda.attualiAnnoPrecedente(List.of(prima));
        assertThat(DatiDaScheda.obiettivo(quest, ProvaSmvp.metodo(), LocalDate.of(2024, 12, 31), trovati).indicatori().get(0).annoPrecedente())
                .isEqualTo(Valore.numero("8"));
        assertThat(DatiDaScheda.attualiAnnoPrecedente(List.of(prima, prima))).isEmpty();
        assertThat(DatiDaScheda.obiettivo(quest, ProvaSmvp.metodo(), LocalDate.of(2024, 12, 31), Map.of()).indicatori().get(0).annoPrecedente())
                .isEqualTo(Valore.numero("7"));
    }
}
