package it.comuni.peg.query.scheda;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.obiettivo.ObiettivoRinominato;
import it.comuni.peg.api.obiettivo.ObiettivoSpostato;
import it.comuni.peg.query.support.EventiDiProva;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedaReducerTest {

    private static Scheda piega(List<DomainEventMessage<?>> eventi) {
        return EventiDiProva.piega(eventi);
    }

    private static EventiDiProva anno() {
        return new EventiDiProva("ob-1")
                .definito("Comune di Capannori", 2023, "Digitalizzazione pratiche edilizie", "2023-01-10T09:00:00Z")
                .persona("VERDI LUCA", "2023-01-01", "2023-12-31", "2023-01-10T09:01:00Z")
                .fase(1, "2023-01-01", "2023-03-31", "2023-01-10T09:02:00Z")
                .fase(2, "2023-04-01", "2023-06-30", "2023-01-10T09:03:00Z")
                .indicatore("PRAT", "100", Direzione.CRESCENTE, 100, "2023-01-10T09:04:00Z")
                .consuntivo(1, "2023-01", 30, "2023-02-02T10:00:00Z")
                .consuntivo(1, "2023-02", 60, "2023-03-02T10:00:00Z")
                .rettifica(1, "2023-02", 60, 70, "2023-03-05T10:00:00Z");
    }

    @Test
    void foldsTheCronoprogrammaAndTheVersion() {
        Scheda s = piega(anno().eventi());

        assertThat(s.versione()).isEqualTo(7);
        assertThat(s.persone()).singleElement().satisfies(p -> assertThat(p.periodi()).hasSize(1));
        Scheda.Fase f1 = s.fasi().get(0);
        assertThat(f1.previsto()).containsExactly(YearMonth.of(2023, 1), YearMonth.of(2023, 2), YearMonth.of(2023, 3));
        assertThat(f1.consuntivo()).containsExactly(YearMonth.of(2023, 1), YearMonth.of(2023, 2));
        assertThat(f1.percentuale().valore()).isEqualTo(70);
        assertThat(f1.consuntivi().get(1).rettificato()).isTrue();
    }

    @Test
    void statoDependsOnTheDayViewed() {
        Scheda s = piega(anno().eventi());

        assertThat(StatoAlGiorno.applica(s, LocalDate.of(2023, 3, 10)).stato()).isEqualTo(Stato.IN_CORSO);
        Scheda aprile = StatoAlGiorno.applica(s, LocalDate.of(2023, 4, 1));
        assertThat(aprile.stato()).isEqualTo(Stato.IN_RITARDO);
        assertThat(aprile.fasi().get(0).stato()).isEqualTo(Stato.IN_RITARDO);
        assertThat(aprile.fasi().get(1).stato()).isEqualTo(Stato.NON_AVVIATO);
    }

    @Test
    void rimodulazioneKeepsTheBaselineAndCompletionEndsTheDelay() {
        EventiDiProva eventi = anno()
                .rimodulata(1, "2023-01-01", "2023-03-31", "2023-01-01", "2023-05-31", "2023-03-20T10:00:00Z")
                .completata(1, "2023-05-20", "2023-05-21T10:00:00Z")
                .completata(2, "2023-06-30", "2023-07-01T10:00:00Z")
                .valore("PRAT", "80", "2023-06-30", "2023-07-01T11:00:00Z");
        Scheda s = piega(eventi.eventi());

        Scheda.Fase f1 = s.fasi().get(0);
        assertThat(f1.pianoOriginale().fine()).isEqualTo(LocalDate.of(2023, 3, 31));
        assertThat(f1.fine()).isEqualTo(LocalDate.of(2023, 5, 31));
        assertThat(f1.rimodulazioni()).isEqualTo(1);
        assertThat(f1.percentuale().valore()).isEqualTo(100);
        assertThat(StatoAlGiorno.applica(s, LocalDate.of(2023, 12, 31)).stato()).isEqualTo(Stato.COMPLETATO);
        assertThat(s.indicatori().get(0).ultimoValore()).isEqualByComparingTo(new BigDecimal("80"));
    }

    @Test
    void refusesAnEventBeforeTheDefinition() {
        EventiDiProva e = new EventiDiProva("ob-2").fase(1, "2023-01-01", "2023-02-01", "2023-01-01T00:00:00Z");
        assertThatThrownBy(() -> piega(e.eventi())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMoveAndARenameChangeTheSchedaFromTheirEventOn() {
        Motivazione perche = Motivazione.di("Riorganizzazione");
        EventiDiProva eventi = anno();
        Settore primaS = new Settore("SASTER", "Settore assetto del territorio", "ROSSI MARIO");
        Ufficio primaU = new Ufficio("UEDPRI", "Edilizia privata", "BIANCHI ANNA");
        eventi.evento(new ObiettivoSpostato(eventi.id(), primaS, primaU, new Settore("SAFIN", "Servizi finanziari", "NERI ANNA"),
                        null, perche), "2023-07-01T10:00:00Z")
                .evento(new ObiettivoRinominato(eventi.id(), "Digitalizzazione pratiche edilizie", "Pratiche digitali", perche),
                        "2023-07-02T10:00:00Z");
        List<DomainEventMessage<?>> tutti = eventi.eventi();

        Scheda dopo = piega(tutti);
        assertThat(dopo.settore()).isEqualTo(new Settore("SAFIN", "Servizi finanziari", "NERI ANNA"));
        assertThat(dopo.ufficio()).isNull();
        assertThat(dopo.titolo()).isEqualTo("Pratiche digitali");
        assertThat(dopo.versione()).isEqualTo(9);
        // an as-of read folds the stream cut before the move: the objective as it stood then
        Scheda prima = piega(tutti.subList(0, tutti.size() - 2));
        assertThat(prima.settore()).isEqualTo(primaS);
        assertThat(prima.ufficio()).isEqualTo(primaU);
        assertThat(prima.titolo()).isEqualTo("Digitalizzazione pratiche edilizie");
    }

    /** The aggregate's rule: by identificativo when both have one, else by name. */
    @Test
    void twoPeopleWithTheSameNameAreTwoWhenAssignedByIdentificativo() {
        EventiDiProva e = anno()
                .persona("VERDI LUCA", "M010", "2023-02-01", "2023-12-31", "2023-01-11T09:00:00Z")
                .persona("VERDI LUCA", "M011", "2023-02-01", "2023-06-30", "2023-01-11T09:01:00Z")
                .persona("VERDI LUCA", "M011", "2023-09-01", "2023-12-31", "2023-01-11T09:02:00Z");
        e.evento(new it.comuni.peg.api.persona.AssegnazioneTerminata(e.id(), "VERDI LUCA", "M011", LocalDate.parse("2023-02-01"),
                LocalDate.parse("2023-06-30"), LocalDate.parse("2023-05-31")), "2023-05-31T09:00:00Z");

        Scheda s = piega(e.eventi());

        // the first, assigned by name, took the first identificativo that came under its name
        assertThat(s.persone()).extracting(Scheda.Persona::persona).containsExactly("M010", "M011");
        assertThat(s.persone().get(0).periodi()).extracting(Scheda.PeriodoAssegnazione::inizio)
                .containsExactly(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-02-01"));
        Scheda.Persona m011 = s.persone().get(1);
        assertThat(m011.periodi()).extracting(Scheda.PeriodoAssegnazione::fine)
                .containsExactly(LocalDate.parse("2023-05-31"), LocalDate.parse("2023-12-31"));
        // the end of M011's assignment left M010's alone
        assertThat(s.persone().get(0).periodi().get(1).fine()).isEqualTo(LocalDate.parse("2023-12-31"));
    }
}
