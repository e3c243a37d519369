package it.comuni.peg.command.organigramma;

import it.comuni.peg.command.RifiutiInItaliano;
import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.organigramma.ChiudiStruttura;
import it.comuni.peg.api.organigramma.ConferisciIncarico;
import it.comuni.peg.api.organigramma.CorreggiIncarico;
import it.comuni.peg.api.organigramma.CorreggiPersona;
import it.comuni.peg.api.organigramma.DenominazioneRegistrata;
import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.organigramma.IncaricoConferito;
import it.comuni.peg.api.organigramma.IncaricoCorretto;
import it.comuni.peg.api.organigramma.IncaricoTerminato;
import it.comuni.peg.api.organigramma.IstituisciStruttura;
import it.comuni.peg.api.organigramma.PersonaCorretta;
import it.comuni.peg.api.organigramma.PersonaRegistrata;
import it.comuni.peg.api.organigramma.RegistraDenominazione;
import it.comuni.peg.api.organigramma.RegistraEnte;
import it.comuni.peg.api.organigramma.RegistraPersona;
import it.comuni.peg.api.organigramma.RinominaStruttura;
import it.comuni.peg.api.organigramma.StrutturaChiusa;
import it.comuni.peg.api.organigramma.StrutturaIstituita;
import it.comuni.peg.api.organigramma.StrutturaRinominata;
import it.comuni.peg.api.organigramma.TerminaIncarico;
import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.sicurezza.Accessi;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** Every rule of the Organigramma aggregate, accepted and refused, as given/when/then. */
class OrganigrammaTest {

    static final String ENTE = "c_prova";
    static final LocalDate INIZIO = LocalDate.of(2024, 1, 1);
    static final LocalDate GIUGNO = LocalDate.of(2024, 6, 30);
    static final LocalDate LUGLIO = LocalDate.of(2024, 7, 1);
    static final String ATTO = "Decreto sindacale n. 12/2024";
    static final Motivazione MOTIVO = Motivazione.di("Errore di trascrizione del decreto");

    /** The controllo di gestione of the ente, who is persona M001 there. */
    static final MetaData CONTROLLO = accessi(new Accesso(ENTE, Ruolo.CONTROLLO_GESTIONE, "M001"));
    static final MetaData CONTROLLO_ALTRO_ENTE = accessi(new Accesso("c_altro", Ruolo.CONTROLLO_GESTIONE, null));
    static final MetaData DIRIGENTE = accessi(new Accesso(ENTE, Ruolo.DIRIGENTE, "GNTLCU70A01H501X"));
    static final MetaData AMMINISTRATORE = accessi().and(Metadati.INSTALLAZIONE, "AMMINISTRATORE");

    private FixtureConfiguration<Organigramma> fixture;

    @BeforeEach
    void setUp() {
        fixture = RifiutiInItaliano.fixture(Organigramma.class);
        // as the application's correlation data provider does: the command's stamp travels on its events
        fixture.registerCommandHandlerInterceptor((uow, chain) -> {
            uow.registerCorrelationDataProvider(new SimpleCorrelationDataProvider(Metadati.ENTE, Metadati.RUOLO, Metadati.PERSONA));
            return chain.proceed();
        });
    }

    static MetaData accessi(Accesso... accessi) {
        return MetaData.with(Metadati.ACCESSI, Accessi.di(List.of(accessi)).codifica()).and(Metadati.UTENTE, "utente");
    }

    static EnteRegistrato registrato() {
        return new EnteRegistrato(ENTE, "Comune di Prova", "046007", List.of("Comune di Prova"));
    }

    static StrutturaIstituita saster() {
        return new StrutturaIstituita(ENTE, "SASTER", "ASSETTO DEL TERRITORIO", TipoStruttura.SETTORE, null, INIZIO, null);
    }

    static PersonaRegistrata gentili() {
        return new PersonaRegistrata(ENTE, "GNTLCU70A01H501X", "GENTILI LUCA");
    }

    static PersonaRegistrata bianchi() {
        return new PersonaRegistrata(ENTE, "M002", "BIANCHI ANNA");
    }

    static IncaricoConferito primoSemestre() {
        return new IncaricoConferito(ENTE, "A", "SASTER", "GNTLCU70A01H501X", TipoIncarico.TITOLARE, INIZIO, GIUGNO, ATTO);
    }

    static ConferisciIncarico conferisci(String id, String persona, TipoIncarico tipo, LocalDate dal, LocalDate al) {
        return new ConferisciIncarico(ENTE, id, "SASTER", persona, tipo, dal, al, ATTO);
    }

    @Nested
    class Ente {

        @Test
        void theAdministratorRegistersAnEnteAndItsFormerNames() {
            fixture.givenNoPriorActivity()
                    .when(new RegistraEnte(" C_Prova ", "Comune di Prova", "046007", List.of("Comune di Prova", "Comune di Prova")),
                            AMMINISTRATORE)
                    .expectEvents(registrato())
                    .expectResultMessagePayload(new EsitoOrganigramma(ENTE, ENTE, 0));
        }

        @Test
        void aCodeThatIsNotACodiceIpaIsRefusedWhereTheCommandIsBuilt() {
            assertThatThrownBy(() -> new RegistraEnte("Comune di Prova", "Comune di Prova", null, null))
                    .isInstanceOf(ValoreNonValido.class).hasMessageContaining("codice IPA");
            assertThatThrownBy(() -> new RegistraEnte(ENTE, "Comune di Prova", "46007", null))
                    .isInstanceOf(ValoreNonValido.class).hasMessageContaining("6 cifre");
        }

        @Test
        void onlyTheAdministratorRegistersEnti() {
            fixture.givenNoPriorActivity()
                    .when(new RegistraEnte(ENTE, "Comune di Prova", null, null), CONTROLLO)
                    .expectException(AccessoNegato.class)
                    .expectNoEvents();
        }

        @Test
        void theSystemRegistersEntiToo() {
            fixture.givenNoPriorActivity()
                    .when(new RegistraEnte(ENTE, "Comune di Prova", null, null))
                    .expectEvents(new EnteRegistrato(ENTE, "Comune di Prova", null, List.of()));
        }

        @Test
        void anEnteIsRegisteredOnce() {
            fixture.given(registrato())
                    .when(new RegistraEnte(ENTE, "Comune di Prova", null, null), AMMINISTRATORE)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage("L'ente c_prova è già registrato");
        }

        @Test
        void addsAFormerNameOnce() {
            fixture.given(registrato())
                    .when(new RegistraDenominazione(ENTE, " Comune di Prova (LU) "), AMMINISTRATORE)
                    .expectEvents(new DenominazioneRegistrata(ENTE, "Comune di Prova (LU)"));
            fixture.given(registrato())
                    .when(new RegistraDenominazione(ENTE, "Comune di Prova"), AMMINISTRATORE)
                    .expectException(RegolaViolata.class)
                    .expectNoEvents();
        }

        @Test
        void onlyTheAdministratorAddsFormerNames() {
            fixture.given(registrato())
                    .when(new RegistraDenominazione(ENTE, "Comune di Prova (LU)"), CONTROLLO)
                    .expectException(AccessoNegato.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Strutture {

        @Test
        void institutesASettoreAndAnUfficioInIt() {
            fixture.given(registrato())
                    .when(new IstituisciStruttura(ENTE, " SASTER ", "ASSETTO DEL TERRITORIO", TipoStruttura.SETTORE, null, INIZIO, null), CONTROLLO)
                    .expectEvents(saster())
                    .expectResultMessagePayload(new EsitoOrganigramma(ENTE, "SASTER", 1));
            fixture.given(registrato(), saster())
                    .when(new IstituisciStruttura(ENTE, "UEDPRI", "EDILIZIA PRIVATA", TipoStruttura.UFFICIO, "SASTER", INIZIO, null), CONTROLLO)
                    .expectEvents(new StrutturaIstituita(ENTE, "UEDPRI", "EDILIZIA PRIVATA", TipoStruttura.UFFICIO, "SASTER", INIZIO, null));
        }

        @Test
        void aCodeIsUniqueInTheEnte() {
            fixture.given(registrato(), saster())
                    .when(new IstituisciStruttura(ENTE, "SASTER", "ALTRO", TipoStruttura.SETTORE, null, INIZIO, null), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage("La struttura SASTER esiste già nell'ente c_prova");
        }

        @Test
        void anUfficioNeedsAnExistingSettore() {
            fixture.given(registrato())
                    .when(new IstituisciStruttura(ENTE, "UEDPRI", "EDILIZIA PRIVATA", TipoStruttura.UFFICIO, "SASTER", INIZIO, null), CONTROLLO)
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Struttura SASTER non trovata nell'ente c_prova");
            fixture.given(registrato(), saster())
                    .when(new IstituisciStruttura(ENTE, "UEDPRI", "EDILIZIA PRIVATA", TipoStruttura.UFFICIO, null, INIZIO, null), CONTROLLO)
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage(containsString("'settore'"));
        }

        @Test
        void anUfficioLivesWithinItsSettore() {
            fixture.given(registrato(), saster())
                    .when(new IstituisciStruttura(ENTE, "UEDPRI", "EDILIZIA PRIVATA", TipoStruttura.UFFICIO, "SASTER",
                            INIZIO.minusDays(1), null), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("deve cadere nel periodo del settore SASTER (dal 01/01/2024 senza termine)"));
        }

        @Test
        void dalAfterAlNamesTheField() {
            fixture.given(registrato())
                    .when(new IstituisciStruttura(ENTE, "SASTER", "ASSETTO", TipoStruttura.SETTORE, null, GIUGNO, INIZIO), CONTROLLO)
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage("La data 'al' (01/01/2024) precede quella di inizio (30/06/2024)");
        }

        @Test
        void renamesWithMotivazione() {
            fixture.given(registrato(), saster())
                    .when(new RinominaStruttura(ENTE, "SASTER", "GOVERNO DEL TERRITORIO", MOTIVO), CONTROLLO)
                    .expectEvents(new StrutturaRinominata(ENTE, "SASTER", "ASSETTO DEL TERRITORIO", "GOVERNO DEL TERRITORIO", MOTIVO));
            fixture.given(registrato(), saster())
                    .when(new RinominaStruttura(ENTE, "SASTER", "GOVERNO DEL TERRITORIO", null), CONTROLLO)
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage(containsString("'motivazione'"));
        }

        @Test
        void closesOnlyWhenNoIncaricoOutlivesIt() {
            fixture.given(registrato(), saster(), gentili(), primoSemestre())
                    .when(new ChiudiStruttura(ENTE, "SASTER", GIUGNO, MOTIVO), CONTROLLO)
                    .expectEvents(new StrutturaChiusa(ENTE, "SASTER", null, GIUGNO, MOTIVO));
            fixture.given(registrato(), saster(), gentili(), primoSemestre())
                    .when(new ChiudiStruttura(ENTE, "SASTER", LocalDate.of(2024, 3, 31), MOTIVO), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("L'incarico di GENTILI LUCA su SASTER dura dal 01/01/2024 al 30/06/2024"));
        }

        @Test
        void anUnknownStrutturaIsNamed() {
            fixture.given(registrato())
                    .when(new RinominaStruttura(ENTE, "SXXX", "X", MOTIVO), CONTROLLO)
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Struttura SXXX non trovata nell'ente c_prova");
        }
    }

    @Nested
    class Persone {

        @Test
        void registersByIdentificativoWithTheNameAsPrinted() {
            fixture.given(registrato())
                    .when(new RegistraPersona(ENTE, "gntlcu70a01h501x", "  Gentili   Luca "), CONTROLLO)
                    .expectEvents(gentili());
        }

        @Test
        void anIdentificativoIsOnePersona() {
            fixture.given(registrato(), gentili())
                    .when(new RegistraPersona(ENTE, "GNTLCU70A01H501X", "GENTILI LUCA MARIA"), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("già registrata"));
        }

        @Test
        void correctsTheNameKeepingThePreviousOne() {
            fixture.given(registrato(), gentili())
                    .when(new CorreggiPersona(ENTE, "GNTLCU70A01H501X", "Gentilli Luca", MOTIVO), CONTROLLO)
                    .expectEvents(new PersonaCorretta(ENTE, "GNTLCU70A01H501X", "GENTILI LUCA", "GENTILLI LUCA", MOTIVO));
            fixture.given(registrato())
                    .when(new CorreggiPersona(ENTE, "M999", "X", MOTIVO), CONTROLLO)
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Persona M999 non trovata nell'ente c_prova");
        }
    }

    @Nested
    class Incarichi {

        @Test
        void confersAnIncaricoWithinTheStrutturaValidity() {
            fixture.given(registrato(), saster(), gentili())
                    .when(conferisci("A", "GNTLCU70A01H501X", TipoIncarico.TITOLARE, INIZIO, GIUGNO), CONTROLLO)
                    .expectEvents(primoSemestre())
                    .expectResultMessagePayload(new EsitoOrganigramma(ENTE, "A", 3));
            fixture.given(registrato(), saster(), gentili())
                    .when(conferisci("A", "GNTLCU70A01H501X", TipoIncarico.TITOLARE, INIZIO.minusDays(1), GIUGNO), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("periodo di validità della struttura SASTER"));
        }

        @Test
        void anUnknownStrutturaOrPersonaIsNamed() {
            fixture.given(registrato(), gentili())
                    .when(conferisci("A", "GNTLCU70A01H501X", TipoIncarico.TITOLARE, INIZIO, null), CONTROLLO)
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Struttura SASTER non trovata nell'ente c_prova");
            fixture.given(registrato(), saster())
                    .when(conferisci("A", "M404", TipoIncarico.TITOLARE, INIZIO, null), CONTROLLO)
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Persona M404 non trovata nell'ente c_prova");
        }

        @Test
        void twoIncarichiOnOneStrutturaAndDayAreRefusedWithItalianDates() {
            fixture.given(registrato(), saster(), gentili(), bianchi(), primoSemestre())
                    .when(conferisci("B", "M002", TipoIncarico.TITOLARE, GIUGNO, null), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage("La struttura SASTER ha già un responsabile dal 01/01/2024 al 30/06/2024 (GENTILI LUCA):"
                            + " l'incarico dal 30/06/2024 senza termine si sovrappone")
                    .expectNoEvents();
        }

        @Test
        void aHandoverOnTheFirstOfJulyIsNoOverlap() {
            fixture.given(registrato(), saster(), gentili(), bianchi(), primoSemestre())
                    .when(conferisci("B", "M002", TipoIncarico.TITOLARE, LUGLIO, null), CONTROLLO)
                    .expectEvents(new IncaricoConferito(ENTE, "B", "SASTER", "M002", TipoIncarico.TITOLARE, LUGLIO, null, ATTO));
        }

        @Test
        void anInterimFillsAVacancyButNeverSitsBesideTheTitolare() {
            // GENTILI holds SASTER in the first half; July and August vacant, covered ad interim by BIANCHI
            fixture.given(registrato(), saster(), gentili(), bianchi(), primoSemestre())
                    .when(conferisci("I", "M002", TipoIncarico.INTERIM, LUGLIO, LocalDate.of(2024, 8, 31)), CONTROLLO)
                    .expectEvents(new IncaricoConferito(ENTE, "I", "SASTER", "M002", TipoIncarico.INTERIM, LUGLIO,
                            LocalDate.of(2024, 8, 31), ATTO));
            fixture.given(registrato(), saster(), gentili(), bianchi(), primoSemestre())
                    .when(conferisci("I", "M002", TipoIncarico.INTERIM, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("ha già un responsabile dal 01/01/2024 al 30/06/2024 (GENTILI LUCA)"));
        }

        @Test
        void endsAnOpenIncaricoButDoesNotExtendIt() {
            IncaricoConferito aperto = new IncaricoConferito(ENTE, "A", "SASTER", "GNTLCU70A01H501X", TipoIncarico.TITOLARE, INIZIO, null, ATTO);
            fixture.given(registrato(), saster(), gentili(), aperto)
                    .when(new TerminaIncarico(ENTE, "A", GIUGNO, "Decreto sindacale n. 30/2024"), CONTROLLO)
                    .expectEvents(new IncaricoTerminato(ENTE, "A", "SASTER", null, GIUGNO, "Decreto sindacale n. 30/2024"));
            fixture.given(registrato(), saster(), gentili(), primoSemestre())
                    .when(new TerminaIncarico(ENTE, "A", LocalDate.of(2024, 12, 31), ATTO), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("serve una rettifica"));
            fixture.given(registrato(), saster(), gentili(), primoSemestre())
                    .when(new TerminaIncarico(ENTE, "A", INIZIO.minusDays(1), ATTO), CONTROLLO)
                    .expectException(ValoreNonValido.class)
                    .expectExceptionMessage(containsString("'al'"));
            fixture.given(registrato(), saster())
                    .when(new TerminaIncarico(ENTE, "ZZ", GIUGNO, ATTO), CONTROLLO)
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Incarico ZZ non trovato nell'ente c_prova");
        }

        @Test
        void correctsAnIncaricoKeepingThePreviousTerms() {
            var prima = new IncaricoCorretto.Termini("GNTLCU70A01H501X", INIZIO, GIUGNO, ATTO);
            var dopo = new IncaricoCorretto.Termini("M002", INIZIO, GIUGNO, "Decreto sindacale n. 13/2024");
            fixture.given(registrato(), saster(), gentili(), bianchi(), primoSemestre())
                    .when(new CorreggiIncarico(ENTE, "A", "M002", INIZIO, GIUGNO, "Decreto sindacale n. 13/2024", MOTIVO), CONTROLLO)
                    .expectEvents(new IncaricoCorretto(ENTE, "A", "SASTER", prima, dopo, MOTIVO));
            fixture.given(registrato(), saster(), gentili(), primoSemestre())
                    .when(new CorreggiIncarico(ENTE, "A", "GNTLCU70A01H501X", INIZIO, GIUGNO, ATTO, MOTIVO), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage(containsString("non cambia"));
        }

        @Test
        void aCorrectionMayNotOverlapAnotherIncarico() {
            IncaricoConferito secondo = new IncaricoConferito(ENTE, "B", "SASTER", "M002", TipoIncarico.TITOLARE, LUGLIO, null, ATTO);
            fixture.given(registrato(), saster(), gentili(), bianchi(), primoSemestre(), secondo)
                    .when(new CorreggiIncarico(ENTE, "A", "GNTLCU70A01H501X", INIZIO, LUGLIO, ATTO, MOTIVO), CONTROLLO)
                    .expectException(RegolaViolata.class)
                    .expectExceptionMessage("La struttura SASTER ha già un responsabile dal 01/07/2024 senza termine (BIANCHI ANNA):"
                            + " l'incarico dal 01/01/2024 al 01/07/2024 si sovrappone")
                    .expectNoEvents();
        }
    }

    @Nested
    class Autorizzazione {

        @Test
        void theControlloOfTheEnteActsAndItsEventsSayAsWhom() {
            fixture.given(registrato())
                    .when(new RegistraPersona(ENTE, "M002", "BIANCHI ANNA"), CONTROLLO)
                    .expectEvents(bianchi());
            EventMessage<?> evento = fixture.getEventStore().readEvents(ENTE).asStream().reduce((a, b) -> b).orElseThrow();
            assertThat(evento.getPayload()).isEqualTo(bianchi());
            assertThat(evento.getMetaData()).containsEntry(Metadati.ENTE, ENTE)
                    .containsEntry(Metadati.RUOLO, "CONTROLLO_GESTIONE").containsEntry(Metadati.PERSONA, "M001");
        }

        @Test
        void anotherEnteIsNotFound() {
            fixture.given(registrato())
                    .when(new RegistraPersona(ENTE, "M002", "BIANCHI ANNA"), CONTROLLO_ALTRO_ENTE)
                    .expectException(NonTrovato.class)
                    .expectExceptionMessage("Ente c_prova non trovato")
                    .expectNoEvents();
        }

        @Test
        void aDirigenteOfTheEnteIsRefused() {
            fixture.given(registrato())
                    .when(new RegistraPersona(ENTE, "M002", "BIANCHI ANNA"), DIRIGENTE)
                    .expectException(AccessoNegato.class)
                    .expectExceptionMessage(containsString("l'organigramma è tenuto dal controllo di gestione"))
                    .expectNoEvents();
        }

        @Test
        void theAdministratorAndTheSystemAct() {
            fixture.given(registrato())
                    .when(new RegistraPersona(ENTE, "M002", "BIANCHI ANNA"), AMMINISTRATORE)
                    .expectEvents(bianchi());
            fixture.given(registrato())
                    .when(new RegistraPersona(ENTE, "M002", "BIANCHI ANNA"))
                    .expectEvents(bianchi());
        }
    }
}
