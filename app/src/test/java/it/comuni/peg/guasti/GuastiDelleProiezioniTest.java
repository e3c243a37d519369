package it.comuni.peg.guasti;

import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.ObiettivoDiProva;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure of a projection parks its event, whatever its cause, and the rest of the segment goes on;
 * once the cause is fixed a retry applies it. One planted failure per cause, each where a real one
 * strikes: a constraint while the batch's rows are written, the commit itself, a deadlock (retried, then
 * parked if it lasts), a real lock wait timeout, real data too long for a column at flush, a payload that
 * no longer deserializes. A handler's own exception is {@code EventiParcheggiatiTest}'s. One segment per
 * projection, so the healthy objective shares the faulty one's segment; periodic retries off, so each
 * retry is the test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class,
        properties = {"peg.test.guasti-piantati=true", "peg.proiezioni.segmenti=1", "peg.proiezioni.ripresa-parcheggiati=PT1H",
                "peg.proiezioni.attesa-contesa=PT0.05S",
                // a lock held by the test makes the projection wait one second, not fifty
                "spring.datasource.hikari.connection-init-sql=SET SESSION innodb_lock_wait_timeout = 1"})
@ActiveProfiles("test")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuastiDelleProiezioniTest {

    private static final Duration ATTESA = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;
    @Autowired
    EventStore store;
    @Autowired
    PlatformTransactionManager transazioni;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void ripara() {
        GuastiPiantati.ripara();
        EventoIlleggibile.guasto = false;
    }

    @Test
    void aConstraintBrokenWhileTheBatchIsWrittenParksItsEvent() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String a = ObiettivoDiProva.conUnaFase(http);
        String b = ObiettivoDiProva.conUnaFase(http);
        GuastiPiantati.tipo = GuastiPiantati.Tipo.VINCOLO;
        GuastiPiantati.obiettivo = a;

        parcheggiaEPoiApplica(http, a, b, "Duplicate entry", () -> GuastiPiantati.obiettivo = null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assegnazione_persona WHERE nome = 'DOPPIO'", Long.class)).isZero();
    }

    @Test
    void aFailingCommitParksItsEvent() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String a = ObiettivoDiProva.conUnaFase(http);
        String b = ObiettivoDiProva.conUnaFase(http);
        GuastiPiantati.tipo = GuastiPiantati.Tipo.COMMIT;
        GuastiPiantati.obiettivo = a;

        parcheggiaEPoiApplica(http, a, b, "Guasto simulato al commit", () -> GuastiPiantati.obiettivo = null);
    }

    @Test
    void aDeadlockIsRetriedAndAppliedWithoutParking() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String a = ObiettivoDiProva.conUnaFase(http);
        GuastiPiantati.tipo = GuastiPiantati.Tipo.CONTESA;
        GuastiPiantati.contese.set(2);
        GuastiPiantati.obiettivo = a;

        ObiettivoDiProva.consuntivo(http, a, 1, 10);
        attendi(() -> ObiettivoDiProva.consuntivi(http, a) == 1, "il consuntivo sia applicato dopo i deadlock");
        assertThat(GuastiPiantati.contese.get()).as("entrambi i deadlock sono avvenuti").isNegative();
        assertThat(ObiettivoDiProva.parcheggiati(http, "scheda", a)).isEmpty();
    }

    @Test
    void aDeadlockThatLastsIsParkedAfterItsRetries() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String a = ObiettivoDiProva.conUnaFase(http);
        String b = ObiettivoDiProva.conUnaFase(http);
        GuastiPiantati.tipo = GuastiPiantati.Tipo.CONTESA;
        GuastiPiantati.contese.set(Integer.MAX_VALUE);
        GuastiPiantati.obiettivo = a;

        parcheggiaEPoiApplica(http, a, b, "Deadlock found", () -> GuastiPiantati.contese.set(0));
    }

    /** A real lock wait timeout (MariaDB 1205): a row of the scheda held by another transaction. */
    @Test
    void aLockWaitTimeoutIsRetriedThenParkedAndAppliedOnceTheLockIsGone() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String a = ObiettivoDiProva.conUnaFase(http);
        String b = ObiettivoDiProva.conUnaFase(http);
        attendi(() -> ObiettivoDiProva.consuntivi(http, a) == 0, "la scheda da bloccare esista");
        try (Connection blocco = dataSource.getConnection()) {
            blocco.setAutoCommit(false);
            try (PreparedStatement s = blocco.prepareStatement("SELECT versione FROM scheda_obiettivo WHERE obiettivo_id = ? FOR UPDATE")) {
                s.setString(1, a);
                s.executeQuery().close();
            }
            ObiettivoDiProva.consuntivo(http, a, 1, 10);
            ObiettivoDiProva.consuntivo(http, b, 1, 10);
            ObiettivoDiProva.consuntivo(http, a, 0, 20);
            attendi(() -> ObiettivoDiProva.consuntivi(http, b) == 1, "l'obiettivo sano nello stesso segmento vada avanti");
            attendi(() -> ObiettivoDiProva.parcheggiati(http, "scheda", a).size() == 2, "i consuntivi dell'obiettivo bloccato siano parcheggiati");
            assertThat(ObiettivoDiProva.parcheggiati(http, "scheda", a).get(0).get("messaggio").asText()).contains("Lock wait timeout");
            blocco.rollback();
        }
        riprova(http, "scheda");
        assertThat(ObiettivoDiProva.consuntivi(http, a)).isEqualTo(2);
        assertThat(ObiettivoDiProva.parcheggiati(http, "scheda", a)).isEmpty();
    }

    /**
     * The failure of the issue, for real: an event whose ente is longer than the columns (an event older
     * than any limit, planted in the store) fails at flush, in the scheda and in the storico. Parked in
     * both; once a migration widens the columns, the retry applies it. Such an ente is the name of no
     * registered ente, which no user reads (an accesso names a codice IPA): the projections' rows are read
     * from the tables.
     */
    @Test
    void dataTooLongForAColumnParksTheObjectiveInEveryProjectionUntilTheColumnIsWidened() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String b = ObiettivoDiProva.conUnaFase(http);
        String a = "pianta-" + UUID.randomUUID();
        String ente = "E".repeat(1_001);
        pubblica(a, 0, new ObiettivoDefinito(ObiettivoId.di(a), ente, ObiettivoDiProva.anno(), "Obiettivo di un tempo senza limiti", null,
                new Settore("SASTER", null, "GENTILI LUCA"), null, Peso.di(50), Peso.di(50), null, null));
        pubblica(a, 1, new PersonaAssegnata(ObiettivoId.di(a), "ROSSI MARIO", null, null, LocalDate.of(ObiettivoDiProva.anno(), 1, 1),
                LocalDate.of(ObiettivoDiProva.anno(), 12, 31)));
        ObiettivoDiProva.consuntivo(http, b, 1, 10);

        attendi(() -> ObiettivoDiProva.consuntivi(http, b) == 1, "l'obiettivo sano vada avanti");
        for (String proiezione : List.of("scheda", "storico")) {
            attendi(() -> ObiettivoDiProva.parcheggiati(http, proiezione, a).size() == 2, "l'obiettivo sia parcheggiato in " + proiezione);
            assertThat(ObiettivoDiProva.parcheggiati(http, proiezione, a).get(0).get("messaggio").asText()).contains("Data too long for column 'ente'");
        }
        assertThat(righe("scheda_obiettivo", a)).isZero();
        assertThat(righe("storico_voce", a)).isZero();

        for (String tabella : List.of("scheda_obiettivo", "storico_obiettivo", "storico_voce", "assegnazione_persona")) {
            jdbc.execute("ALTER TABLE " + tabella + " MODIFY ente VARCHAR(2000) NOT NULL");
        }
        riprova(http, "scheda");
        riprova(http, "storico");
        assertThat(jdbc.queryForObject("SELECT ente FROM scheda_obiettivo WHERE obiettivo_id = ?", String.class, a)).isEqualTo(ente);
        assertThat(jdbc.queryForObject("SELECT ente FROM storico_obiettivo WHERE obiettivo_id = ?", String.class, a)).isEqualTo(ente);
        assertThat(righe("assegnazione_persona", a)).isEqualTo(1);
        assertThat(righe("storico_voce", a)).isEqualTo(2);
        assertThat(ObiettivoDiProva.parcheggiati(http, "scheda", a)).isEmpty();
        assertThat(ObiettivoDiProva.parcheggiati(http, "storico", a)).isEmpty();
    }

    @Test
    void aPayloadThatNoLongerDeserializesIsParkedAndAppliedOnceItReadsAgain() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String a = ObiettivoDiProva.conUnaFase(http);
        String b = ObiettivoDiProva.conUnaFase(http);
        attendi(() -> ObiettivoDiProva.consuntivi(http, a) == 0, "la scheda esista");
        EventoIlleggibile.guasto = true;
        long ultimo = jdbc.queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, a);
        pubblica(a, ultimo + 1, new EventoIlleggibile("dato di un formato che non si legge più"));
        pubblica(a, ultimo + 2, new ConsuntivoRegistrato(ObiettivoId.di(a), 1, YearMonth.now(ZoneId.of("Europe/Rome")).minusMonths(1),
                true, Percentuale.di(30), null, null));
        ObiettivoDiProva.consuntivo(http, b, 1, 10);

        attendi(() -> ObiettivoDiProva.consuntivi(http, b) == 1, "l'obiettivo sano vada avanti");
        for (String proiezione : List.of("scheda", "storico")) {
            attendi(() -> ObiettivoDiProva.parcheggiati(http, proiezione, a).size() == 2, "l'obiettivo sia parcheggiato in " + proiezione);
            assertThat(ObiettivoDiProva.parcheggiati(http, proiezione, a).get(0).get("messaggio").asText()).contains("Payload illeggibile");
        }
        assertThat(ObiettivoDiProva.consuntivi(http, a)).isZero();

        EventoIlleggibile.guasto = false;
        riprova(http, "scheda");
        riprova(http, "storico");
        assertThat(ObiettivoDiProva.consuntivi(http, a)).isEqualTo(1);
        assertThat(ObiettivoDiProva.parcheggiati(http, "scheda", a)).isEmpty();
        assertThat(ObiettivoDiProva.parcheggiati(http, "storico", a)).isEmpty();
    }

    /**
     * The common course: two consuntivi of the faulty objective around one of the healthy one. The
     * healthy one is applied, the faulty one's are parked (the second behind the first) with their cause;
     * a retry while the cause is still there leaves them parked; once it is fixed, a retry applies both.
     */
    private void parcheggiaEPoiApplica(ClienteHttp http, String a, String b, String causa, Runnable ripara) throws Exception {
        ObiettivoDiProva.consuntivo(http, a, 1, 10);
        ObiettivoDiProva.consuntivo(http, b, 1, 10);
        ObiettivoDiProva.consuntivo(http, a, 0, 20);

        attendi(() -> ObiettivoDiProva.consuntivi(http, b) == 1, "l'obiettivo sano nello stesso segmento vada avanti");
        attendi(() -> ObiettivoDiProva.parcheggiati(http, "scheda", a).size() == 2, "i consuntivi dell'obiettivo guasto siano parcheggiati");
        List<JsonNode> parcheggiati = ObiettivoDiProva.parcheggiati(http, "scheda", a);
        assertThat(parcheggiati.get(0).get("messaggio").asText()).contains(causa);
        assertThat(parcheggiati.get(0).get("posizioneNellaSequenza").asLong())
                .isLessThan(parcheggiati.get(1).get("posizioneNellaSequenza").asLong());
        assertThat(ObiettivoDiProva.consuntivi(http, a)).isZero();

        Risposta ancora = http.post("amministratore", "/api/admin/eventi-parcheggiati/scheda/tentativi", "");
        assertThat(ancora.stato()).as(ancora.toString()).isEqualTo(200);
        assertThat(ObiettivoDiProva.parcheggiati(http, "scheda", a)).hasSize(2);

        ripara.run();
        riprova(http, "scheda");
        assertThat(ObiettivoDiProva.consuntivi(http, a)).isEqualTo(2);
        assertThat(ObiettivoDiProva.parcheggiati(http, "scheda", a)).isEmpty();
    }

    private void pubblica(String aggregato, long sequenza, Object payload) {
        new TransactionTemplate(transazioni).executeWithoutResult(s ->
                store.publish(new GenericDomainEventMessage<>("Obiettivo", aggregato, sequenza, payload)));
    }

    /** The rows of a projection's table that belong to the objective. */
    private long righe(String tabella, String obiettivo) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + tabella + " WHERE obiettivo_id = ?", Long.class, obiettivo);
        return n == null ? 0 : n;
    }

    private static void riprova(ClienteHttp http, String proiezione) {
        Risposta r = http.post("amministratore", "/api/admin/eventi-parcheggiati/" + proiezione + "/tentativi", "");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("ancoraParcheggiati").asLong()).as(r.toString()).isZero();
    }

    private static void attendi(Supplier<Boolean> condizione, String cosa) throws InterruptedException {
        assertThat(Attesa.entro(ATTESA, condizione)).as("in attesa che " + cosa).isTrue();
    }
}
