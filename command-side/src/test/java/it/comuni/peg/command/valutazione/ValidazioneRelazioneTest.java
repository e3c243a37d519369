package it.comuni.peg.command.valutazione;

import it.comuni.peg.command.RifiutiInItaliano;
import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoriNonValidi;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.valutazione.RelazionePerformanceValidata;
import it.comuni.peg.api.valutazione.ValidaRelazionePerformance;
import it.comuni.peg.command.perimetro.OrganigrammiDiProva;
import it.comuni.peg.command.perimetro.UtentiDiProva;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static it.comuni.peg.api.valutazione.RelazionePerformanceValidata.Esito.NON_VALIDATA;
import static it.comuni.peg.api.valutazione.RelazionePerformanceValidata.Esito.VALIDATA;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The nucleo's validazione of the Relazione sulla performance (D.Lgs. 150/2009, art. 14 c. 4 lett. c). */
class ValidazioneRelazioneTest {

    static final String ENTE = "c_b648";
    static final String CICLO = CicloValutazioneId.di(ENTE, 2023);
    static final LocalDate GIUGNO = LocalDate.of(2024, 6, 28);
    static final Motivazione PERCHE = Motivazione.di("La Relazione è coerente con gli obiettivi e i risultati del PEG 2023");
    static final String VERBALE = "Verbale del nucleo n. 4 del 28/06/2024";

    FixtureConfiguration<CicloValutazione> fixture;

    @BeforeEach
    void fixture() {
        fixture = RifiutiInItaliano.fixture(CicloValutazione.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-07-01T10:00:00Z"), ZoneId.of("Europe/Rome")));
        fixture.registerInjectableResource(new OrganigrammiDiProva().ente(ENTE, "Comune di Capannori"));
        UtentiDiProva.copiaChiSuiEventi(fixture);
    }

    @Test
    void theNucleoValidatesTheRelazioneWithItsActAndMotivazione() {
        fixture.givenNoPriorActivity()
                .when(new ValidaRelazionePerformance(CICLO, ENTE, 2023, GIUGNO, " " + VERBALE + " ", VALIDATA, PERCHE),
                        UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null))
                .expectEvents(new RelazionePerformanceValidata(CICLO, ENTE, 2023, GIUGNO, VERBALE, VALIDATA, PERCHE))
                .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ENTE, "ruolo", "NUCLEO")));
    }

    @Test
    void aRelazioneNotValidatedMayBeValidatedByALaterAct() {
        fixture.given(new RelazionePerformanceValidata(CICLO, ENTE, 2023, LocalDate.of(2024, 5, 10), null, NON_VALIDATA,
                        Motivazione.di("Mancano i risultati degli indicatori del settore SASTER")))
                .when(new ValidaRelazionePerformance(CICLO, ENTE, 2023, GIUGNO, null, VALIDATA, PERCHE))
                .expectEvents(new RelazionePerformanceValidata(CICLO, ENTE, 2023, GIUGNO, null, VALIDATA, PERCHE));
    }

    @Test
    void refusesAValidatedRelazioneAgainNamingTheDay() {
        fixture.given(new RelazionePerformanceValidata(CICLO, ENTE, 2023, GIUGNO, VERBALE, VALIDATA, PERCHE))
                .when(new ValidaRelazionePerformance(CICLO, ENTE, 2023, GIUGNO.plusDays(1), null, NON_VALIDATA, PERCHE))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage("La Relazione sulla performance 2023 è già stata validata il 28/06/2024")
                .expectNoEvents();
    }

    @Test
    void refusesAnActBeforeThePreviousOne() {
        fixture.given(new RelazionePerformanceValidata(CICLO, ENTE, 2023, GIUGNO, null, NON_VALIDATA, PERCHE))
                .when(new ValidaRelazionePerformance(CICLO, ENTE, 2023, LocalDate.of(2024, 3, 1), null, VALIDATA, PERCHE))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage(allOf(containsString("28/06/2024"), containsString("01/03/2024")));
    }

    @Test
    void refusesADateWithinTheYearOrInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new ValidaRelazionePerformance(CICLO, ENTE, 2023, LocalDate.of(2023, 12, 31), null, VALIDATA, PERCHE))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage("La Relazione sulla performance 2023 si valida dopo la fine dell'anno, non il 31/12/2023");
        fixture.givenNoPriorActivity()
                .when(new ValidaRelazionePerformance(CICLO, ENTE, 2023, LocalDate.of(2024, 7, 2), null, VALIDATA, PERCHE))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage(containsString("02/07/2024, data futura"));
    }

    @Test
    void refusesAnActWithoutDateEsitoOrMotivazioneNamingEachField() {
        fixture.givenNoPriorActivity()
                .when(new ValidaRelazionePerformance(CICLO, ENTE, 2023, null, null, null, null))
                .expectException(ValoriNonValidi.class)
                .expectExceptionMessage("Alcuni campi non sono validi: data, esito, motivazione")
                .expectNoEvents();
    }

    @Test
    void onlyTheNucleoValidates() {
        fixture.givenNoPriorActivity()
                .when(new ValidaRelazionePerformance(CICLO, ENTE, 2023, GIUGNO, null, VALIDATA, PERCHE),
                        UtentiDiProva.utente(ENTE, Ruolo.CONTROLLO_GESTIONE, null))
                .expectException(AccessoNegato.class)
                .expectExceptionMessage(containsString("validazione della Relazione sono atti del nucleo"))
                .expectNoEvents();
    }
}
