package it.comuni.peg.command.valutazione;

import it.comuni.peg.command.RifiutiInItaliano;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.valutazione.ChiudiMonitoraggio;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.valutazione.ImpostaMetodoValutazione;
import it.comuni.peg.api.valutazione.MetodoValutazioneImpostato;
import it.comuni.peg.api.valutazione.MonitoraggioChiuso;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.api.valutazione.RegistraValutazione;
import it.comuni.peg.api.valutazione.ValutazioneRegistrata;
import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.command.perimetro.OrganigrammiDiProva;
import it.comuni.peg.command.perimetro.UtentiDiProva;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;

class CicloValutazioneTest {

    static final String ENTE = "c_b648";
    static final String ALTRO_ENTE = "c_g999";
    static final String CICLO = CicloValutazioneId.di(ENTE, 2023);
    static final ObiettivoId OB = ObiettivoId.di("ob-1");
    static final ParametriValutazione PARAMETRI = new ParametriValutazione(BigDecimal.valueOf(20), new BigDecimal("0.6"), 5);
    static final Motivazione PERCHE = Motivazione.di("Delibera SMVP 2023");

    FixtureConfiguration<CicloValutazione> fixture;

    @BeforeEach
    void fixture() {
        fixture = RifiutiInItaliano.fixture(CicloValutazione.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-01-20T10:00:00Z"), ZoneId.of("Europe/Rome")));
        fixture.registerInjectableResource(new OrganigrammiDiProva().ente(ENTE, "Comune di Capannori").ente(ALTRO_ENTE));
        UtentiDiProva.copiaChiSuiEventi(fixture);
    }

    @Test
    void theFirstMethodIsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoValutazione(CICLO, ENTE, 2023, PARAMETRI, PERCHE))
                .expectEvents(new MetodoValutazioneImpostato(CICLO, ENTE, 2023, 1, PARAMETRI, PERCHE));
    }

    @Test
    void aChangedMethodIsANewVersion() {
        var altri = new ParametriValutazione(BigDecimal.valueOf(15), new BigDecimal("0.6"), 5);
        fixture.given(new MetodoValutazioneImpostato(CICLO, ENTE, 2023, 1, PARAMETRI, PERCHE))
                .when(new ImpostaMetodoValutazione(CICLO, ENTE, 2023, altri, PERCHE))
                .expectEvents(new MetodoValutazioneImpostato(CICLO, ENTE, 2023, 2, altri, PERCHE));
    }

    @Test
    void refusesTheSameMethodAgain() {
        fixture.given(new MetodoValutazioneImpostato(CICLO, ENTE, 2023, 1, PARAMETRI, PERCHE))
                .when(new ImpostaMetodoValutazione(CICLO, ENTE, 2023,
                        new ParametriValutazione(new BigDecimal("20.0"), new BigDecimal("0.60"), 5), PERCHE))
                .expectException(RegolaViolata.class);
    }

    @Test
    void refusesAMethodChangeAfterAFinalEvaluation() {
        fixture.given(new ValutazioneRegistrata(CICLO, ENTE, 2023, OB, LocalDate.of(2023, 12, 31), null, PERCHE))
                .when(new ImpostaMetodoValutazione(CICLO, ENTE, 2023, PARAMETRI, PERCHE))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage(containsString("non può cambiare"));
    }

    @Test
    void refusesACycleThatDoesNotMatchEnteAndAnno() {
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoValutazione(CICLO, ENTE, 2024, PARAMETRI, PERCHE))
                .expectException(ValoreNonValido.class);
    }

    @Test
    void closesTheMonitoraggioOnce() {
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null))
                .expectEvents(new MonitoraggioChiuso(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null));
        fixture.given(new MonitoraggioChiuso(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null))
                .when(new ChiudiMonitoraggio(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage(containsString("già chiuso"));
    }

    @Test
    void refusesAMonitoraggioOutsideTheYear() {
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CICLO, ENTE, 2023, LocalDate.of(2024, 1, 10), null))
                .expectException(RegolaViolata.class);
    }

    @Test
    void refusesAMonitoraggioInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CicloValutazioneId.di(ENTE, 2024), ENTE, 2024, LocalDate.of(2024, 6, 30), null))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage(containsString("prima di quella data"));
    }

    @Test
    void registersAFinalEvaluationWithTheNucleosAssessment() {
        fixture.given(new MonitoraggioChiuso(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null))
                .when(new RegistraValutazione(CICLO, ENTE, 2023, OB, LocalDate.of(2023, 12, 31), Percentuale.di(80), PERCHE))
                .expectEvents(new ValutazioneRegistrata(CICLO, ENTE, 2023, OB, LocalDate.of(2023, 12, 31), Percentuale.di(80), PERCHE));
    }

    @Test
    void refusesASecondFinalEvaluationOfTheSameObjective() {
        fixture.given(new ValutazioneRegistrata(CICLO, ENTE, 2023, OB, LocalDate.of(2023, 12, 31), null, PERCHE))
                .when(new RegistraValutazione(CICLO, ENTE, 2023, OB, LocalDate.of(2023, 12, 31), null, PERCHE))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage(containsString("già registrata"));
    }

    @Test
    void refusesAnEvaluationWithoutMotivazioneOrBeforeItsDate() {
        fixture.givenNoPriorActivity()
                .when(new RegistraValutazione(CICLO, ENTE, 2023, OB, LocalDate.of(2023, 12, 31), null, null))
                .expectException(ValoreNonValido.class);
        fixture.givenNoPriorActivity()
                .when(new RegistraValutazione(CICLO, ENTE, 2023, OB, LocalDate.of(2022, 12, 31), null, PERCHE))
                .expectException(RegolaViolata.class);
    }

    @Test
    void onlyTheNucleoClosesAMonitoraggioOrEvaluates() {
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null),
                        UtentiDiProva.utente(ENTE, Ruolo.DIRIGENTE, "M001"))
                .expectException(AccessoNegato.class)
                .expectExceptionMessage(containsString("atti del nucleo"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegistraValutazione(CICLO, ENTE, 2023, OB, LocalDate.of(2023, 12, 31), null, PERCHE),
                        UtentiDiProva.utente(ENTE, Ruolo.CONTROLLO_GESTIONE, null))
                .expectException(AccessoNegato.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null),
                        UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theMethodIsSetByTheNucleoOrTheControlloDiGestione() {
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoValutazione(CICLO, ENTE, 2023, PARAMETRI, PERCHE),
                        UtentiDiProva.utente(ENTE, Ruolo.CONTROLLO_GESTIONE, "M900"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ENTE, "ruolo", "CONTROLLO_GESTIONE", "persona", "M900")));
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoValutazione(CICLO, ENTE, 2023, PARAMETRI, PERCHE),
                        UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoValutazione(CICLO, ENTE, 2023, PARAMETRI, PERCHE),
                        UtentiDiProva.utente(ENTE, Ruolo.DIRIGENTE, "M001"))
                .expectException(AccessoNegato.class)
                .expectExceptionMessage(containsString("Come dirigente dell'ente c_b648 non è consentito"));
    }

    @Test
    void theNucleoOfAnotherEnteIsToldTheEnteDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null),
                        UtentiDiProva.utente(ALTRO_ENTE, Ruolo.NUCLEO, null))
                .expectException(NonTrovato.class)
                .expectExceptionMessage("Ente c_b648 non trovato")
                .expectNoEvents();
    }

    @Test
    void aNucleoServingTwoEntiActsInEach() {
        MetaData dueEnti = UtentiDiProva.utente("nucleo.unione", new Accesso(ENTE, Ruolo.NUCLEO, null),
                new Accesso(ALTRO_ENTE, Ruolo.NUCLEO, null));
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CicloValutazioneId.di(ALTRO_ENTE, 2023), ALTRO_ENTE, 2023, LocalDate.of(2023, 6, 30), null),
                        dueEnti)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ALTRO_ENTE, "ruolo", "NUCLEO", "utente", "nucleo.unione")));
    }

    @Test
    void anEnteIsNamedByARegisteredCodeEvenFromInsideTheSystem() {
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CicloValutazioneId.di("c_z000", 2023), "c_z000", 2023, LocalDate.of(2023, 6, 30), null))
                .expectException(NonTrovato.class)
                .expectExceptionMessage("Ente c_z000 non trovato");
    }

    @Test
    void aFormerDenominazioneNamesTheEnteOnOldEventsOnly() {
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CicloValutazioneId.di("Comune di Capannori", 2023), "Comune di Capannori", 2023,
                        LocalDate.of(2023, 6, 30), null))
                .expectException(NonTrovato.class)
                .expectExceptionMessage("Ente Comune di Capannori non trovato");
    }

    @Test
    void aCommandFromInsideTheSystemPassesAndRecordsItsEnte() {
        fixture.givenNoPriorActivity()
                .when(new ChiudiMonitoraggio(CICLO, ENTE, 2023, LocalDate.of(2023, 6, 30), null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ENTE)));
    }
}
