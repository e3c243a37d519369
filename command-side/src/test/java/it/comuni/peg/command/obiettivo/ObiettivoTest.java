package it.comuni.peg.command.obiettivo;

import it.comuni.peg.command.RifiutiInItaliano;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.consuntivo.ConsuntivoRettificato;
import it.comuni.peg.api.consuntivo.RettificaConsuntivo;
import it.comuni.peg.api.consuntivo.Rilevazione;
import it.comuni.peg.api.fase.CompletaFase;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.fase.FaseRimodulata;
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.fase.RimodulaFase;
import it.comuni.peg.api.indicatore.DefinisciIndicatore;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.ModificaObiettivo;
import it.comuni.peg.api.obiettivo.ObiettivoModificato;
import it.comuni.peg.api.persona.AssegnaPersona;
import it.comuni.peg.api.persona.AssegnazioneTerminata;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.api.persona.TerminaAssegnazione;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.obiettivo.ObiettivoRinominato;
import it.comuni.peg.api.obiettivo.ObiettivoSpostato;
import it.comuni.peg.api.obiettivo.RinominaObiettivo;
import it.comuni.peg.api.obiettivo.SpostaObiettivo;
import it.comuni.peg.command.perimetro.OrganigrammiDiProva;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static it.comuni.peg.command.obiettivo.Dati.*;
import static org.hamcrest.Matchers.containsString;

/** Every rule of the Obiettivo aggregate, accepted and refused, as given/when/then. */
class ObiettivoTest {

    private FixtureConfiguration<Obiettivo> fixture;

    @BeforeEach
    void setUp() {
        fixture = Dati.fixture(OGGI);
    }

    @Nested
    class Definizione {

        @Test
        void definesAnObjective() {
            fixture.givenNoPriorActivity()
                    .when(definisci())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(definito());
        }

        @Test
        void refusesWeightsThatDoNotSumTo100() {
            fixture.givenNoPriorActivity()
                    .when(definisci(Peso.di(60), Peso.di(50)))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("sommare a 100 (sommano a 110)"))
                    .expectNoEvents();
        }

        @Test
        void acceptsWeightsWithDecimalsThatSumTo100() {
            fixture.givenNoPriorActivity()
                    .when(definisci(Peso.di(33.33), Peso.di(66.67)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAYearOutsideAnyPlausiblePeg() {
            var cmd = definisci();
            fixture.givenNoPriorActivity()
                    .when(new it.comuni.peg.api.obiettivo.DefinisciObiettivo(cmd.obiettivoId(), cmd.ente(), 1999,
                            cmd.titolo(), cmd.descrizione(), cmd.settore(), cmd.ufficio(), cmd.pesoIndicatori(),
                            cmd.pesoFasi(), cmd.dupStrategico(), cmd.dupOperativo()))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage(containsString("anno"));
        }

        @Test
        void refusesABlankTitle() {
            var cmd = definisci();
            fixture.givenNoPriorActivity()
                    .when(new it.comuni.peg.api.obiettivo.DefinisciObiettivo(cmd.obiettivoId(), cmd.ente(), cmd.anno(),
                            "  ", cmd.descrizione(), cmd.settore(), cmd.ufficio(), cmd.pesoIndicatori(),
                            cmd.pesoFasi(), cmd.dupStrategico(), cmd.dupOperativo()))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage(containsString("titolo"));
        }

        private it.comuni.peg.api.obiettivo.DefinisciObiettivo definisciIn(String ente, Settore settore, Ufficio ufficio) {
            var cmd = definisci();
            return new it.comuni.peg.api.obiettivo.DefinisciObiettivo(cmd.obiettivoId(), ente, cmd.anno(), cmd.titolo(),
                    cmd.descrizione(), settore, ufficio, cmd.pesoIndicatori(), cmd.pesoFasi(), cmd.dupStrategico(), cmd.dupOperativo());
        }

        @Test
        void refusesAnEnteThatIsNoRegisteredCode() {
            fixture.givenNoPriorActivity()
                    .when(definisciIn("c_nessuno", SETTORE, UFFICIO))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Ente c_nessuno non trovato")
                    .expectNoEvents();
        }

        @Test
        void refusesTheFormerNameOfARegisteredEnte() {
            fixture.givenNoPriorActivity()
                    .when(definisciIn("Comune di Prova", SETTORE, UFFICIO))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Ente Comune di Prova non trovato");
        }

        @Test
        void refusesASettoreOrUfficioTheOrganigrammaDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(definisciIn(ENTE, new Settore("SAXXX", "?", null), null))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Settore SAXXX non trovato nell'organigramma dell'ente c_prova");
        }

        @Test
        void refusesAnUfficioTheOrganigrammaDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(definisciIn(ENTE, SETTORE, new Ufficio("UXXX", "?", null)))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Ufficio UXXX non trovato nell'organigramma dell'ente c_prova");
        }

        @Test
        void acceptsAnUfficioOfAnotherSettoreAsThePrintHasThem() {
            fixture.givenNoPriorActivity()
                    .when(definisciIn(ENTE, SETTORE, new Ufficio("UTRIB", "TRIBUTI", null)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnUfficioGivenAsSettore() {
            fixture.givenNoPriorActivity()
                    .when(definisciIn(ENTE, new Settore("UEDPRI", null, null), null))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("non un settore"));
        }

        @Test
        void modifiesWithMotivazioneAndKeepsThePreviousValues() {
            var prima = new ObiettivoModificato.Contenuto("<p>Ridurre i tempi</p>", Peso.di(50), Peso.di(50), DUP_STRATEGICO, DUP_OPERATIVO);
            var dopo = new ObiettivoModificato.Contenuto("<p>Ridurre i tempi del 10%</p>", Peso.di(40), Peso.di(60), DUP_STRATEGICO, DUP_OPERATIVO);
            fixture.given(definito())
                    .when(new ModificaObiettivo(ID, dopo.descrizione(), dopo.pesoIndicatori(), dopo.pesoFasi(),
                            DUP_STRATEGICO, DUP_OPERATIVO, motivazione()))
                    .expectEvents(new ObiettivoModificato(ID, prima, dopo, motivazione()))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void refusesAModificaWithoutMotivazione() {
            fixture.given(definito())
                    .when(new ModificaObiettivo(ID, "altro", Peso.di(50), Peso.di(50), DUP_STRATEGICO, DUP_OPERATIVO, null))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage("La motivazione è obbligatoria");
        }

        @Test
        void refusesAModificaThatChangesNothing() {
            fixture.given(definito())
                    .when(new ModificaObiettivo(ID, "<p>Ridurre i tempi</p>", Peso.di(50.0), Peso.di(50), DUP_STRATEGICO,
                            DUP_OPERATIVO, motivazione()))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("non cambia nulla"));
        }

        @Test
        void refusesAModificaWithWeightsNotSummingTo100() {
            fixture.given(definito())
                    .when(new ModificaObiettivo(ID, "x", Peso.di(70), Peso.di(50), DUP_STRATEGICO, DUP_OPERATIVO, motivazione()))
                    .expectException(RegolaViolata.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Persone {

        @Test
        void assignsAPersonWithNormalisedName() {
            fixture.given(definito())
                    .when(new AssegnaPersona(ID, "  Rossi   mario ", "Categoria C", "Esperto Tecnico",
                            LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)))
                    .expectEvents(rossiAssegnato());
        }

        @Test
        void refusesAnAssignmentThatEndsBeforeItStarts() {
            fixture.given(definito())
                    .when(new AssegnaPersona(ID, "ROSSI MARIO", "Categoria C", null, LocalDate.of(2023, 6, 1),
                            LocalDate.of(2023, 5, 31)))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage(containsString("precede"));
        }

        /** A day no projection's DATE column holds (found by FuzzHttpTest): refused, so no event carries it. */
        @Test
        void refusesADayOutsideTheEntesCalendar() {
            fixture.given(definito())
                    .when(new AssegnaPersona(ID, "ROSSI MARIO", "Categoria C", null, LocalDate.of(-5877641, 6, 22),
                            LocalDate.of(2023, 5, 31)))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage(containsString("'inizio' (22/06/-5877641) è fuori dall'intervallo ammesso, dal 01/01/1900 al 31/12/2199"));
        }

        @Test
        void refusesOverlappingAssignmentsOfTheSamePerson() {
            fixture.given(definito(), rossiAssegnato())
                    .when(new AssegnaPersona(ID, "Rossi Mario", "Categoria D", null, LocalDate.of(2023, 6, 1),
                            LocalDate.of(2023, 12, 31)))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("sovrapporsi"));
        }

        @Test
        void acceptsASecondAssignmentAfterTheFirstEnded() {
            fixture.given(definito(), rossiAssegnato(),
                            new AssegnazioneTerminata(ID, "ROSSI MARIO", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                                    LocalDate.of(2023, 5, 31)))
                    .when(new AssegnaPersona(ID, "ROSSI MARIO", "Categoria D", null, LocalDate.of(2023, 6, 1),
                            LocalDate.of(2023, 12, 31)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void endsARunningAssignment() {
            fixture.given(definito(), rossiAssegnato())
                    .when(new TerminaAssegnazione(ID, "rossi mario", LocalDate.of(2023, 5, 31)))
                    .expectEvents(new AssegnazioneTerminata(ID, "ROSSI MARIO", LocalDate.of(2023, 1, 1),
                            LocalDate.of(2023, 12, 31), LocalDate.of(2023, 5, 31)));
        }

        @Test
        void refusesToEndTheAssignmentOfSomeoneNotAssigned() {
            fixture.given(definito())
                    .when(new TerminaAssegnazione(ID, "BIANCHI ANNA", LocalDate.of(2023, 5, 31)))
                    .expectException(NonTrovato.class);
        }

        private static final LocalDate GENNAIO = LocalDate.of(2023, 1, 1);
        private static final LocalDate DICEMBRE = LocalDate.of(2023, 12, 31);

        @Test
        void assignsAPersonByIdentificativoWithTheOrganigrammasName() {
            fixture.given(definito())
                    .when(new AssegnaPersona(ID, null, ROSSI, "Categoria C", "Esperto Tecnico", GENNAIO, DICEMBRE))
                    .expectEvents(new PersonaAssegnata(ID, "ROSSI MARIO", ROSSI, "Categoria C", "Esperto Tecnico", GENNAIO, DICEMBRE));
        }

        @Test
        void refusesAnIdentificativoTheOrganigrammaDoesNotHave() {
            fixture.given(definito())
                    .when(new AssegnaPersona(ID, "ROSSI MARIO", "X999", null, null, GENNAIO, DICEMBRE))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Persona X999 non trovata nell'organigramma dell'ente c_prova")
                    .expectNoEvents();
        }

        @Test
        void twoPeopleWithTheSameNameAreTwoPeople() {
            var omonimo = new OrganigrammiDiProva().ente(ENTE).persona(ENTE, "M011", "ROSSI MARIO").persona(ENTE, ROSSI, "ROSSI MARIO");
            FixtureConfiguration<Obiettivo> conOmonimi = RifiutiInItaliano.fixture(Obiettivo.class);
            conOmonimi.registerInjectableResource(OGGI);
            conOmonimi.registerInjectableResource(omonimo);
            conOmonimi.given(definito(), new PersonaAssegnata(ID, "ROSSI MARIO", ROSSI, null, null, GENNAIO, DICEMBRE))
                    .when(new AssegnaPersona(ID, null, "M011", null, null, GENNAIO, DICEMBRE))
                    .expectEvents(new PersonaAssegnata(ID, "ROSSI MARIO", "M011", null, null, GENNAIO, DICEMBRE));
        }

        @Test
        void endsTheAssignmentOfAPersonByIdentificativo() {
            fixture.given(definito(), new PersonaAssegnata(ID, "ROSSI MARIO", ROSSI, null, null, GENNAIO, DICEMBRE))
                    .when(new TerminaAssegnazione(ID, null, ROSSI, LocalDate.of(2023, 5, 31)))
                    .expectEvents(new AssegnazioneTerminata(ID, "ROSSI MARIO", ROSSI, GENNAIO, DICEMBRE, LocalDate.of(2023, 5, 31)));
        }

        @Test
        void anObjectiveOfAnEnteWithoutOrganigrammaKeepsTheNameSent() {
            fixture.given(definito("Comune Mai Registrato"))
                    .when(new AssegnaPersona(ID, "Neri Carla", "RSSMRA80A01H501U", null, null, GENNAIO, DICEMBRE))
                    .expectEvents(new PersonaAssegnata(ID, "NERI CARLA", "RSSMRA80A01H501U", null, null, GENNAIO, DICEMBRE));
        }

        @Test
        void anObjectiveRecordedUnderTheEntesFormerNameUsesItsOrganigramma() {
            fixture.given(definito("Comune di Prova"))
                    .when(new AssegnaPersona(ID, null, ROSSI, null, null, GENNAIO, DICEMBRE))
                    .expectEvents(new PersonaAssegnata(ID, "ROSSI MARIO", ROSSI, null, null, GENNAIO, DICEMBRE));
        }
    }

    @Nested
    class SpostamentiETitolo {

        private final Motivazione riorganizzazione = Motivazione.di("Riorganizzazione: delibera di Giunta n. 80/2023");

        @Test
        void movesTheObjectiveToAnotherSettoreNamedAsTheOrganigrammaNamesIt() {
            fixture.given(definito())
                    .when(new SpostaObiettivo(ID, "SAFIN", "UTRIB", riorganizzazione))
                    .expectEvents(new ObiettivoSpostato(ID, SETTORE, UFFICIO,
                            new Settore("SAFIN", "SERVIZI FINANZIARI", "BIANCHI ANNA"), new Ufficio("UTRIB", "TRIBUTI", null),
                            riorganizzazione));
        }

        @Test
        void movesTheObjectiveToItsSettoreAsAWhole() {
            fixture.given(definito())
                    .when(new SpostaObiettivo(ID, "SASTER", null, riorganizzazione))
                    .expectEvents(new ObiettivoSpostato(ID, SETTORE, UFFICIO,
                            new Settore("SASTER", "ASSETTO E GESTIONE DEL TERRITORIO", "VERDI PAOLA"), null, riorganizzazione));
        }

        @Test
        void refusesAMoveThatChangesNothing() {
            fixture.given(definito())
                    .when(new SpostaObiettivo(ID, "SASTER", "UEDPRI", riorganizzazione))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("non cambia"));
        }

        @Test
        void refusesAMoveToAnUnknownStruttura() {
            fixture.given(definito())
                    .when(new SpostaObiettivo(ID, "SANUOVO", null, riorganizzazione))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Settore SANUOVO non trovato nell'organigramma dell'ente c_prova")
                    .expectNoEvents();
        }

        @Test
        void refusesAMoveWithoutMotivazione() {
            fixture.given(definito())
                    .when(new SpostaObiettivo(ID, "SAFIN", null, null))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage("La motivazione è obbligatoria");
        }

        @Test
        void renamesWithTheTitleBefore() {
            fixture.given(definito())
                    .when(new RinominaObiettivo(ID, "  Tempi delle SCIA dimezzati ", riorganizzazione))
                    .expectEvents(new ObiettivoRinominato(ID, "Diminuzione tempi di verifica delle SCIA", "Tempi delle SCIA dimezzati",
                            riorganizzazione));
        }

        @Test
        void refusesARenameToTheSameTitleOrWithoutMotivazione() {
            fixture.given(definito())
                    .when(new RinominaObiettivo(ID, "Diminuzione tempi di verifica delle SCIA", riorganizzazione))
                    .expectException(RegolaViolata.class);
            fixture.given(definito())
                    .when(new RinominaObiettivo(ID, "Altro", null))
                    .expectException(ValoreNonValido.class);
        }

        @Test
        void theTitleAfterARenameIsTheOneARenameCompares() {
            fixture.given(definito(), new ObiettivoRinominato(ID, "Diminuzione tempi di verifica delle SCIA", "Nuovo", riorganizzazione))
                    .when(new RinominaObiettivo(ID, "Nuovo", riorganizzazione))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage("Il titolo dell'obiettivo è già «Nuovo»");
        }
    }

    @Nested
    class Fasi {

        @Test
        void plansAPhaseDerivingThePlannedMonthsFromTheDates() {
            fixture.given(definito())
                    .when(new PianificaFase(ID, 1, "Indagine tempi medi", null, LocalDate.of(2023, 1, 1),
                            LocalDate.of(2023, 6, 30), null))
                    .expectEvents(fase1Pianificata());
        }

        @Test
        void keepsExplicitMonthsSortedAndDistinct() {
            fixture.given(definito())
                    .when(new PianificaFase(ID, 2, "Relazione", null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                            mesi("2023-11", "2023-03", "2023-11")))
                    .expectEvents(new FasePianificata(ID, 2, "Relazione", null, LocalDate.of(2023, 1, 1),
                            LocalDate.of(2023, 12, 31), mesi("2023-03", "2023-11"), true));
        }

        @Test
        void acceptsAPhaseWithoutDatesAsThePrintHasThem() {
            fixture.given(definito())
                    .when(new PianificaFase(ID, 1, "Senza date", null, null, null, null))
                    .expectEvents(new FasePianificata(ID, 1, "Senza date", null, null, null, java.util.List.of(), false));
        }

        @Test
        void refusesAPhaseWithOnlyOneDate() {
            fixture.given(definito())
                    .when(new PianificaFase(ID, 1, "Mezza", null, LocalDate.of(2023, 1, 1), null, null))
                    .expectException(ValoreNonValido.class);
        }

        @Test
        void refusesAPhaseThatEndsBeforeItStarts() {
            fixture.given(definito())
                    .when(new PianificaFase(ID, 1, "Al contrario", null, LocalDate.of(2023, 6, 30), LocalDate.of(2023, 1, 1), null))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage(containsString("precede"));
        }

        @Test
        void refusesADuplicatePhaseNumber() {
            fixture.given(definito(), fase1Pianificata())
                    .when(new PianificaFase(ID, 1, "Ancora la uno", null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31), null))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("esiste già"));
        }

        @Test
        void refusesAPhaseOutsideThePegYear() {
            fixture.given(definito())
                    .when(new PianificaFase(ID, 1, "Fuori anno", null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), null))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("non tocca l'anno 2023"));
        }

        @Test
        void refusesANonPositivePhaseNumber() {
            fixture.given(definito())
                    .when(new PianificaFase(ID, 0, "Zero", null, null, null, null))
                    .expectException(ValoreNonValido.class);
        }

        @Test
        void replansAPhaseCarryingThePreviousPlan() {
            var precedente = new Pianificazione(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30),
                    mesi("2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"));
            var nuova = new Pianificazione(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 8, 31),
                    mesi("2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08"));
            fixture.given(definito(), fase1Pianificata())
                    .when(new RimodulaFase(ID, 1, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 8, 31), null, motivazione()))
                    .expectEvents(new FaseRimodulata(ID, 1, precedente, nuova, motivazione()));
        }

        @Test
        void refusesARimodulazioneWithoutMotivazione() {
            fixture.given(definito(), fase1Pianificata())
                    .when(new RimodulaFase(ID, 1, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 8, 31), null, null))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage("La motivazione è obbligatoria");
        }

        @Test
        void refusesABlankMotivazioneAlreadyAsAValue() {
            org.junit.jupiter.api.Assertions.assertThrows(ValoreNonValido.class, () -> it.comuni.peg.api.comune.Motivazione.di("   "));
        }

        @Test
        void refusesARimodulazioneOfACompletedPhase() {
            fixture.given(definito(), fase1Pianificata(), fase1Completata())
                    .when(new RimodulaFase(ID, 1, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 8, 31), null, motivazione()))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("completata"));
        }

        @Test
        void refusesARimodulazioneThatChangesNothing() {
            fixture.given(definito(), fase1Pianificata())
                    .when(new RimodulaFase(ID, 1, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), null, motivazione()))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("non cambia"));
        }

        @Test
        void refusesARimodulazioneOfAnUnknownPhase() {
            fixture.given(definito())
                    .when(new RimodulaFase(ID, 7, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 8, 31), null, motivazione()))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage(containsString("fase 7"));
        }

        @Test
        void completesAPhase() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-05", 80))
                    .when(new CompletaFase(ID, 1, LocalDate.of(2023, 6, 20), "Determinazione n. 12 del 20/06/2023"))
                    .expectEvents(fase1Completata());
        }

        @Test
        void refusesACompletionInTheFuture() {
            fixture.given(definito(), fase1Pianificata())
                    .when(new CompletaFase(ID, 1, LocalDate.of(2023, 7, 16), null))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("futuro"));
        }

        @Test
        void refusesCompletingTwice() {
            fixture.given(definito(), fase1Pianificata(), fase1Completata())
                    .when(new CompletaFase(ID, 1, LocalDate.of(2023, 7, 1), null))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("completata"));
        }

        @Test
        void refusesACompletionBeforeAMonthWithRecordedWork() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-06", 90))
                    .when(new CompletaFase(ID, 1, LocalDate.of(2023, 5, 31), null))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("ha un consuntivo di giugno 2023"));
        }
    }

    @Nested
    class Consuntivi {

        @Test
        void recordsAConsuntivoAndAnswersWithTheNewVersion() {
            fixture.given(definito(), fase1Pianificata())
                    .when(consuntivo("2023-03", 40))
                    .expectEvents(new ConsuntivoRegistrato(ID, 1, YearMonth.of(2023, 3), true, Percentuale.di(40), "nota", null))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void acceptsTheCurrentMonth() {
            fixture.given(definito(), fase1Pianificata())
                    .when(consuntivo("2023-07", 40))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAFutureMonth() {
            fixture.given(definito(), fase1Pianificata())
                    .when(consuntivo("2023-08", 40))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage("Il consuntivo non può riferirsi a un mese futuro (agosto 2023)");
        }

        @Test
        void refusesConsuntivoOnCompletedPhase() {
            fixture.given(definito(), fase1Pianificata(), fase1Completata())
                    .when(consuntivo("2023-07", 100))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("completata"));
        }

        @Test
        void refusesAConsuntivoForAnUnknownPhase() {
            fixture.given(definito())
                    .when(consuntivo("2023-03", 10))
                    .expectException(NonTrovato.class);
        }

        @Test
        void refusesASecondConsuntivoForTheSameMonth() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-03", 40))
                    .when(consuntivo("2023-03", 50))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("rettifica"));
        }

        @Test
        void refusesAPercentageLowerThanAnEarlierMonth() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-03", 40))
                    .when(consuntivo("2023-04", 30))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("cumulativa"));
        }

        @Test
        void refusesAPercentageHigherThanALaterMonth() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-05", 40))
                    .when(consuntivo("2023-04", 60))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("supera"));
        }

        @Test
        void percentageIsAValueTypeThatCannotHold140() {
            org.junit.jupiter.api.Assertions.assertThrows(ValoreNonValido.class, () -> Percentuale.di(140));
            org.junit.jupiter.api.Assertions.assertThrows(ValoreNonValido.class, () -> Percentuale.di(-1));
            org.junit.jupiter.api.Assertions.assertEquals(100, Percentuale.di(100).valore());
        }

        @Test
        void correctsAConsuntivoKeepingTheOriginal() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-03", 40))
                    .when(new RettificaConsuntivo(ID, 1, YearMonth.of(2023, 3), true, Percentuale.di(35), "corretto", null, motivazione()))
                    .expectEvents(new ConsuntivoRettificato(ID, 1, YearMonth.of(2023, 3),
                            new Rilevazione(true, Percentuale.di(40), null, null),
                            new Rilevazione(true, Percentuale.di(35), "corretto", null), motivazione()));
        }

        @Test
        void correctsAConsuntivoEvenOnACompletedPhase() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-03", 40), fase1Completata())
                    .when(new RettificaConsuntivo(ID, 1, YearMonth.of(2023, 3), false, Percentuale.di(40), null, null, motivazione()))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesARettificaWithoutMotivazione() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-03", 40))
                    .when(new RettificaConsuntivo(ID, 1, YearMonth.of(2023, 3), true, Percentuale.di(35), null, null, null))
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage("La motivazione è obbligatoria");
        }

        @Test
        void refusesARettificaOfAMonthNeverRecorded() {
            fixture.given(definito(), fase1Pianificata())
                    .when(new RettificaConsuntivo(ID, 1, YearMonth.of(2023, 3), true, Percentuale.di(35), null, null, motivazione()))
                    .expectException(NonTrovato.class);
        }

        @Test
        void refusesARettificaThatChangesNothing() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-03", 40))
                    .when(new RettificaConsuntivo(ID, 1, YearMonth.of(2023, 3), true, Percentuale.di(40), null, null, motivazione()))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("non cambia"));
        }

        @Test
        void refusesARettificaThatBreaksCumulativeProgress() {
            fixture.given(definito(), fase1Pianificata(), consuntivoRegistrato("2023-03", 40), consuntivoRegistrato("2023-04", 50))
                    .when(new RettificaConsuntivo(ID, 1, YearMonth.of(2023, 3), true, Percentuale.di(60), null, null, motivazione()))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("cumulativa"));
        }
    }

    @Nested
    class Indicatori {

        private DefinisciIndicatore definisciIndicatore(String codice, int peso) {
            return new DefinisciIndicatore(ID, codice, "Media giorni di istruttoria", "giorni", BigDecimal.valueOf(28),
                    Direzione.DECRESCENTE, Peso.di(peso));
        }

        @Test
        void definesAnIndicator() {
            fixture.given(definito())
                    .when(definisciIndicatore("GG", 60))
                    .expectEvents(indicatore("GG", 60));
        }

        @Test
        void refusesADuplicateCode() {
            fixture.given(definito(), indicatore("GG", 60))
                    .when(definisciIndicatore("GG", 40))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("esiste già"));
        }

        @Test
        void refusesWeightsBeyond100() {
            fixture.given(definito(), indicatore("GG", 60))
                    .when(definisciIndicatore("NUM", 50))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("sommerebbero a 110"));
        }

        @Test
        void acceptsWeightsReaching100() {
            fixture.given(definito(), indicatore("GG", 60))
                    .when(definisciIndicatore("NUM", 40))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAZeroWeight() {
            fixture.given(definito())
                    .when(definisciIndicatore("GG", 0))
                    .expectException(ValoreNonValido.class);
        }

        @Test
        void recordsAValue() {
            fixture.given(definito(), indicatore("GG", 100))
                    .when(new RegistraValoreIndicatore(ID, "GG", BigDecimal.valueOf(26.5), LocalDate.of(2023, 6, 30), null))
                    .expectEvents(new ValoreIndicatoreRegistrato(ID, "GG", BigDecimal.valueOf(26.5), LocalDate.of(2023, 6, 30), null));
        }

        @Test
        void refusesAValueForAnUnknownIndicator() {
            fixture.given(definito())
                    .when(new RegistraValoreIndicatore(ID, "XX", BigDecimal.ONE, LocalDate.of(2023, 6, 30), null))
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage(containsString("XX"));
        }

        @Test
        void refusesAValueReferringToTheFuture() {
            fixture.given(definito(), indicatore("GG", 100))
                    .when(new RegistraValoreIndicatore(ID, "GG", BigDecimal.ONE, LocalDate.of(2023, 8, 1), null))
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("futuro"));
        }

        @Test
        void refusesANegativeValue() {
            fixture.given(definito(), indicatore("GG", 100))
                    .when(new RegistraValoreIndicatore(ID, "GG", BigDecimal.valueOf(-1), LocalDate.of(2023, 6, 30), null))
                    .expectException(ValoreNonValido.class);
        }
    }
}
