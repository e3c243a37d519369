package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.fase.PianificaFase;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static it.comuni.peg.command.obiettivo.Dati.*;
import static org.hamcrest.Matchers.containsString;

/** Who may change an objective, enforced where the command is handled. */
class AutorizzazioneTest {

    private static final MetaData CONTROLLO = MetaData.with("ruolo", "CONTROLLO_GESTIONE").and("utente", "controllo");
    private static final MetaData DIRIGENTE_DEL_SETTORE = MetaData.with("ruolo", "DIRIGENTE").and("persona", "Gentili Luca");
    private static final MetaData ALTRO_DIRIGENTE = MetaData.with("ruolo", "DIRIGENTE").and("persona", "BIANCHI ANNA");
    private static final MetaData RESPONSABILE_UFFICIO = MetaData.with("ruolo", "RESPONSABILE_UFFICIO").and("persona", "DEL FRATE GIOVANNI");
    private static final MetaData NUCLEO = MetaData.with("ruolo", "NUCLEO");

    private FixtureConfiguration<Obiettivo> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Obiettivo.class);
        fixture.registerInjectableResource(OGGI);
    }

    @Test
    void theControlloDiGestioneDefinesThePlan() {
        fixture.givenNoPriorActivity().when(definisci(), CONTROLLO).expectSuccessfulHandlerExecution();
        fixture.given(definito()).when(new PianificaFase(ID, 1, "F", null, null, null, null), CONTROLLO)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDirigenteCannotDefineOrPlan() {
        fixture.givenNoPriorActivity().when(definisci(), DIRIGENTE_DEL_SETTORE)
                .expectException(AccessoNegato.class).expectNoEvents();
        fixture.given(definito()).when(new PianificaFase(ID, 1, "F", null, null, null, null), DIRIGENTE_DEL_SETTORE)
                .expectException(AccessoNegato.class).expectNoEvents();
    }

    @Test
    void theDirigenteOfTheSettoreRecordsProgress() {
        fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), DIRIGENTE_DEL_SETTORE)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDirigenteOfAnotherSettoreIsRefused() {
        fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), ALTRO_DIRIGENTE)
                .expectException(AccessoNegato.class)
                .expectExceptionMessage(containsString("GENTILI LUCA"))
                .expectNoEvents();
    }

    @Test
    void theResponsabileOfTheUfficioRecordsProgress() {
        fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), RESPONSABILE_UFFICIO)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theNucleoNeverWritesPlansOrConsuntivi() {
        fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), NUCLEO)
                .expectException(AccessoNegato.class).expectNoEvents();
        fixture.given(definito()).when(new PianificaFase(ID, 1, "F", null, null, null, null), NUCLEO)
                .expectException(AccessoNegato.class).expectNoEvents();
    }

    @Test
    void theControlloDiGestioneDoesNotRecordProgressInADirigentesPlace() {
        fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), CONTROLLO)
                .expectException(AccessoNegato.class);
    }
}
