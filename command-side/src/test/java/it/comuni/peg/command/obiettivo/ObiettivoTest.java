package it.comuni.peg.command.obiettivo;

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
                    .expectExceptionMessage(containsString("ha un consuntivo di 2023-06"));
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
                    .expectExceptionMessage("Il consuntivo non può riferirsi a un mese futuro (2023-08)");
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
