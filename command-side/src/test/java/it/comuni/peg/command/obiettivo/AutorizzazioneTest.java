package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.obiettivo.ObiettivoSpostato;
import it.comuni.peg.api.obiettivo.RinominaObiettivo;
import it.comuni.peg.api.obiettivo.SpostaObiettivo;
import it.comuni.peg.command.perimetro.UtentiDiProva;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static it.comuni.peg.command.obiettivo.Dati.*;
import static org.hamcrest.Matchers.containsString;

/**
 * Who may change an objective, enforced where the command is handled: the user's accesso in the
 * objective's ente (404 without one), the role there, and for progress the incarico the user's persona
 * holds on the day of recording (Dati: SASTER passes from GENTILI LUCA to VERDI PAOLA on 1 July 2023).
 */
class AutorizzazioneTest {

    private static final MetaData CONTROLLO = UtentiDiProva.utente(ENTE, Ruolo.CONTROLLO_GESTIONE, null);
    private static final MetaData GENTILI_DIRIGENTE = UtentiDiProva.utente(ENTE, Ruolo.DIRIGENTE, GENTILI);
    private static final MetaData VERDI_DIRIGENTE = UtentiDiProva.utente(ENTE, Ruolo.DIRIGENTE, VERDI);
    private static final MetaData BIANCHI_DIRIGENTE = UtentiDiProva.utente(ENTE, Ruolo.DIRIGENTE, BIANCHI);
    private static final MetaData DEL_FRATE_RESPONSABILE = UtentiDiProva.utente(ENTE, Ruolo.RESPONSABILE_UFFICIO, DEL_FRATE);
    private static final MetaData NUCLEO = UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null);
    private static final LocalDate FINE_GIUGNO = LocalDate.of(2023, 6, 30);
    private static final PianificaFase PIANIFICA = new PianificaFase(ID, 1, "F", null, null, null, null);

    private FixtureConfiguration<Obiettivo> fixture;

    @BeforeEach
    void setUp() {
        fixture = Dati.fixture(OGGI);
    }

    @Nested
    class Piano {

        @Test
        void theControlloDiGestioneDefinesThePlan() {
            fixture.givenNoPriorActivity().when(definisci(), CONTROLLO).expectSuccessfulHandlerExecution();
            fixture.given(definito()).when(PIANIFICA, CONTROLLO).expectSuccessfulHandlerExecution();
        }

        @Test
        void aDirigenteCannotDefineOrPlan() {
            fixture.givenNoPriorActivity().when(definisci(), VERDI_DIRIGENTE)
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage("Come dirigente dell'ente c_prova non è consentito: il piano degli obiettivi spetta al controllo di gestione")
                    .expectNoEvents();
            fixture.given(definito()).when(PIANIFICA, VERDI_DIRIGENTE)
                    .expectException(AccessoNegato.class).expectNoEvents();
        }

        @Test
        void theNucleoNeverWritesPlansOrConsuntivi() {
            fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), NUCLEO)
                    .expectException(AccessoNegato.class).expectNoEvents();
            fixture.given(definito()).when(PIANIFICA, NUCLEO)
                    .expectException(AccessoNegato.class).expectNoEvents();
        }

        @Test
        void onlyTheControlloDiGestioneMovesOrRenames() {
            Motivazione perche = Motivazione.di("Riorganizzazione");
            fixture.given(definito()).when(new SpostaObiettivo(ID, "SAFIN", null, perche), VERDI_DIRIGENTE)
                    .expectException(AccessoNegato.class).expectNoEvents();
            fixture.given(definito()).when(new RinominaObiettivo(ID, "Altro", perche), VERDI_DIRIGENTE)
                    .expectException(AccessoNegato.class).expectNoEvents();
            fixture.given(definito()).when(new RinominaObiettivo(ID, "Altro", perche), CONTROLLO)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aControlloDiGestioneOfAnotherEnteIsToldTheEnteDoesNotExist() {
            fixture.givenNoPriorActivity().when(definisci(), UtentiDiProva.utente(ALTRO_ENTE, Ruolo.CONTROLLO_GESTIONE, null))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Ente c_prova non trovato")
                    .expectNoEvents();
        }

        @Test
        void theDefinitionRecordsWhoActedInWhichEnteAndRole() {
            fixture.givenNoPriorActivity()
                    .when(definisci(), UtentiDiProva.utente(ENTE, Ruolo.CONTROLLO_GESTIONE, "M100"))
                    .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ENTE, "ruolo", "CONTROLLO_GESTIONE", "persona", "M100",
                            "utente", "controllo_gestione.M100")));
        }
    }

    @Nested
    class Avanzamento {

        @Test
        void theResponsabileOfTheUfficioRecordsProgress() {
            fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), DEL_FRATE_RESPONSABILE)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aDirigenteOfAnotherSettoreIsRefusedNamingWhoHoldsItThatDay() {
            fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), BIANCHI_DIRIGENTE)
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage("Il 15/07/2023 l'avanzamento di questo obiettivo spetta al responsabile del settore SASTER"
                            + " (VERDI PAOLA) o dell'ufficio UEDPRI (DEL FRATE GIOVANNI)")
                    .expectNoEvents();
        }

        @Test
        void theControlloDiGestioneDoesNotRecordProgressInADirigentesPlace() {
            fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), CONTROLLO)
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage(containsString("Come controllo di gestione dell'ente c_prova non è consentito"));
        }

        @Test
        void aDirigenteWhoIsNobodyInTheOrganigrammaIsRefused() {
            fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), UtentiDiProva.utente(ENTE, Ruolo.DIRIGENTE, null))
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage(containsString("non è collegato a una persona dell'organigramma"));
        }

        @Test
        void aVacantStrutturaIsNamedVacant() {
            fixture.given(definito(), fase1Pianificata(), spostatoA("SAVUOTO"))
                    .when(consuntivo("2023-03", 40), VERDI_DIRIGENTE)
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage(containsString("del settore SAVUOTO (vacante)"));
        }

        @Test
        void progressRecordsWhoActedInWhichRoleAndAsWhichPersona() {
            fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), VERDI_DIRIGENTE)
                    .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ENTE, "ruolo", "DIRIGENTE", "persona", VERDI)));
        }
    }

    /** The day that counts is the day of recording, not the month described (Autorizzazione). */
    @Nested
    class PassaggioDiConsegne {

        private FixtureConfiguration<Obiettivo> il(LocalDate giorno) {
            return Dati.fixture(Dati.il(giorno));
        }

        @Test
        void theFormerDirigenteRecordsJuneOnTheLastDayOfTheirIncarico() {
            il(FINE_GIUGNO).given(definito(), fase1Pianificata()).when(consuntivo("2023-06", 40), GENTILI_DIRIGENTE)
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("persona", GENTILI)));
        }

        @Test
        void theFormerDirigenteMayNotRecordJuneFromTheDayOfTheHandover() {
            il(PASSAGGIO).given(definito(), fase1Pianificata()).when(consuntivo("2023-06", 40), GENTILI_DIRIGENTE)
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage(containsString("Il 01/07/2023 l'avanzamento di questo obiettivo spetta al responsabile"
                            + " del settore SASTER (VERDI PAOLA)"))
                    .expectNoEvents();
        }

        @Test
        void theNewDirigenteRecordsJuneFromTheDayOfTheHandover() {
            il(PASSAGGIO).given(definito(), fase1Pianificata()).when(consuntivo("2023-06", 40), VERDI_DIRIGENTE)
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("persona", VERDI, "ruolo", "DIRIGENTE")));
        }

        @Test
        void theNewDirigenteMayNotRecordBeforeTheHandover() {
            il(FINE_GIUGNO).given(definito(), fase1Pianificata()).when(consuntivo("2023-06", 40), VERDI_DIRIGENTE)
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage(containsString("Il 30/06/2023 l'avanzamento di questo obiettivo spetta al responsabile"
                            + " del settore SASTER (GENTILI LUCA)"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Spostamento {

        @Test
        void afterAMoveTheNewSettoresDirigenteRecordsAndTheFormerOneMayNot() {
            fixture.given(definito(), fase1Pianificata(), spostatoA("SAFIN")).when(consuntivo("2023-03", 40), BIANCHI_DIRIGENTE)
                    .expectSuccessfulHandlerExecution();
            fixture.given(definito(), fase1Pianificata(), spostatoA("SAFIN")).when(consuntivo("2023-03", 40), VERDI_DIRIGENTE)
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage(containsString("del settore SAFIN (BIANCHI ANNA)"));
        }

        @Test
        void afterAMoveToTheSettoreAsAWholeTheFormerUfficioMayNot() {
            fixture.given(definito(), fase1Pianificata(), spostatoA("SASTER")).when(consuntivo("2023-03", 40), DEL_FRATE_RESPONSABILE)
                    .expectException(AccessoNegato.class);
        }
    }

    @Nested
    class Perimetro {

        @Test
        void aUserOfAnotherEnteIsToldTheObjectiveDoesNotExist() {
            fixture.given(definito(), fase1Pianificata())
                    .when(consuntivo("2023-03", 40), UtentiDiProva.utente(ALTRO_ENTE, Ruolo.DIRIGENTE, VERDI))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Obiettivo obiettivo-1 non trovato")
                    .expectNoEvents();
            fixture.given(definito())
                    .when(PIANIFICA, UtentiDiProva.utente(ALTRO_ENTE, Ruolo.CONTROLLO_GESTIONE, null))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Obiettivo obiettivo-1 non trovato");
        }

        @Test
        void aUserWithNoEnteAtAllIsToldTheObjectiveDoesNotExist() {
            fixture.given(definito())
                    .when(PIANIFICA, UtentiDiProva.utente("nessuno"))
                    .expectException(NonTrovato.class);
        }

        @Test
        void aUserServingTwoEntiActsInTheObjectivesEnteWithTheRoleHeldThere() {
            MetaData dueEnti = UtentiDiProva.utente("doppio", new Accesso(ALTRO_ENTE, Ruolo.CONTROLLO_GESTIONE, null),
                    new Accesso(ENTE, Ruolo.DIRIGENTE, VERDI));
            fixture.given(definito()).when(PIANIFICA, dueEnti)
                    .expectException(AccessoNegato.class);
            fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40), dueEnti)
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ENTE, "ruolo", "DIRIGENTE", "persona", VERDI)));
        }

        @Test
        void anObjectiveRecordedUnderTheEntesFormerNameBelongsToTheEntesCode() {
            fixture.given(definito("Comune di Prova"), fase1Pianificata()).when(consuntivo("2023-03", 40), VERDI_DIRIGENTE)
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ENTE)));
        }

        @Test
        void anObjectiveOfAnEnteNeverRegisteredIsNobodysToUsers() {
            fixture.given(definito("Comune Mai Registrato"), fase1Pianificata()).when(consuntivo("2023-03", 40), VERDI_DIRIGENTE)
                    .expectException(NonTrovato.class);
        }

        @Test
        void aCommandFromInsideTheSystemPasses() {
            fixture.given(definito(), fase1Pianificata()).when(consuntivo("2023-03", 40))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(UtentiDiProva.eventiCon(Map.of("ente", ENTE)));
            fixture.given(definito("Comune Mai Registrato")).when(PIANIFICA)
                    .expectSuccessfulHandlerExecution();
        }
    }

    private static ObiettivoSpostato spostatoA(String settore) {
        return new ObiettivoSpostato(ID, SETTORE, UFFICIO, new Settore(settore, null, null), null, Motivazione.di("Riorganizzazione"));
    }
}
