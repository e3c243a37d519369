package it.comuni.peg.query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.query.scheda.SchedaProjection;
import it.comuni.peg.query.support.EventiDiProva;
import it.comuni.peg.query.support.ProiezioniDiProva;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheda and storico projections on the real MariaDB, fed by events appended straight to the store (the
 * query side has no command side): the HTTP scheda and list, idempotence, as-of, errors.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = QuerySideApplication.class)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProiezioniQueryTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
    }

    @Autowired EventStore store;
    @Autowired PlatformTransactionManager tx;
    @Autowired EventProcessingConfiguration processori;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;
    @Autowired SchedaProjection projection;
    @Autowired ObjectMapper mapper;

    EventiDiProva uno;

    @BeforeAll
    void eventi() {
        uno = new EventiDiProva("ob-uno")
                .definito("Comune di Capannori", 2023, "Digitalizzazione pratiche edilizie", "2023-01-10T09:00:00Z")
                .persona("VERDI LUCA", "2023-01-01", "2023-12-31", "2023-01-10T09:01:00Z")
                .fase(1, "2023-01-01", "2023-03-31", "2023-01-10T09:02:00Z")
                .fase(2, "2023-04-01", "2023-06-30", "2023-01-10T09:03:00Z")
                .indicatore("PRAT", "100", Direzione.CRESCENTE, 100, "2023-01-10T09:04:00Z")
                .consuntivo(1, "2023-01", 30, "2023-02-02T10:00:00Z")
                .consuntivo(1, "2023-02", 60, "2023-03-02T10:00:00Z")
                .completata(1, "2023-03-30", "2023-04-02T10:00:00Z")
                .consuntivo(2, "2023-04", 20, "2023-06-20T10:00:00Z")
                .rimodulata(2, "2023-04-01", "2023-06-30", "2023-04-01", "2023-09-30", "2023-06-21T10:00:00Z")
                .rettifica(2, "2023-04", 20, 25, "2023-06-22T10:00:00Z");
        EventiDiProva due = new EventiDiProva("ob-due")
                .definito("Comune di Capannori", 2023, "Riordino archivio", "2023-02-10T09:00:00Z")
                .fase(1, "2023-01-01", "2023-02-28", "2023-02-10T09:02:00Z");
        ProiezioniDiProva.accoda(store, tx, uno.eventi());
        ProiezioniDiProva.accoda(store, tx, due.eventi());
        ProiezioniDiProva.attendi(processori, jdbc, "scheda");
        ProiezioniDiProva.attendi(processori, jdbc, "storico");
    }

    private TestRestTemplate nucleo() {
        return rest.withBasicAuth("nucleo", "nucleo");
    }

    /**
     * Instants reach the DATETIME columns as UTC wall time, and the session speaks UTC, whatever this
     * JVM's zone (the suite runs this class in a non-UTC zone too): another process, in another zone,
     * reads the same instants.
     */
    @Test
    void storesEveryInstantAsUtcWallTimeWhateverTheJvmZone() {
        assertThat(jdbc.queryForObject("SELECT @@session.time_zone", String.class)).isEqualTo("+00:00");
        assertThat(jdbc.queryForObject("SELECT definito_il FROM scheda_obiettivo WHERE obiettivo_id = 'ob-uno'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2023-01-10T09:00:00"));
        assertThat(jdbc.queryForObject("SELECT MAX(registrato_il) FROM storico_voce WHERE obiettivo_id = 'ob-uno'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2023-06-22T10:00:00"));
        // and a date stays the date it is, in any zone (no instant conversion on the way)
        assertThat(jdbc.queryForObject("SELECT scadenza_aperta FROM scheda_obiettivo WHERE obiettivo_id = 'ob-uno'", LocalDate.class))
                .isEqualTo(LocalDate.parse("2023-09-30"));
        assertThat(jdbc.queryForObject("SELECT MIN(inizio) FROM assegnazione_persona WHERE obiettivo_id = 'ob-uno'", LocalDate.class))
                .isEqualTo(LocalDate.parse("2023-01-01"));
    }

    @Test
    void servesTheSchedaWithItsVersionAsEtag() {
        ResponseEntity<JsonNode> r = nucleo().getForEntity("/api/obiettivi/ob-uno", JsonNode.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getETag()).isEqualTo("\"10\"");
        JsonNode s = r.getBody();
        assertThat(s.get("versione").asLong()).isEqualTo(10);
        assertThat(s.get("fasi").get(0).get("consuntivo").toString()).isEqualTo("[\"2023-01\",\"2023-02\"]");
        assertThat(s.get("fasi").get(0).get("stato").asText()).isEqualTo("COMPLETATO");
        assertThat(s.get("persone").get(0).get("periodi")).hasSize(1);
    }

    @Test
    void listsThePegWithFilters() {
        JsonNode tutti = nucleo().getForObject("/api/obiettivi?ente=Comune di Capannori&anno=2023", JsonNode.class);
        assertThat(tutti.get("totale").asInt()).isEqualTo(2);

        JsonNode perTesto = nucleo().getForObject("/api/obiettivi?ente=Comune di Capannori&anno=2023&testo=ARCHIVIO", JsonNode.class);
        assertThat(perTesto.get("obiettivi")).singleElement().satisfies(o -> assertThat(o.get("id").asText()).isEqualTo("ob-due"));

        // today both are late: phase 2 of ob-uno ends on 30/09/2023, ob-due's only phase in February
        JsonNode inRitardo = nucleo().getForObject("/api/obiettivi?ente=Comune di Capannori&anno=2023&stato=IN_RITARDO", JsonNode.class);
        assertThat(inRitardo.get("totale").asInt()).isEqualTo(2);
        JsonNode perResponsabile = nucleo().getForObject("/api/obiettivi?ente=Comune di Capannori&anno=2023&responsabile=bianchi", JsonNode.class);
        assertThat(perResponsabile.get("totale").asInt()).isEqualTo(2);
        JsonNode altroUfficio = nucleo().getForObject("/api/obiettivi?ente=Comune di Capannori&anno=2023&ufficio=XXX", JsonNode.class);
        assertThat(altroUfficio.get("totale").asInt()).isZero();
    }

    @Test
    void asOfReplaysTheStreamCutAtTheInstant() {
        JsonNode marzo = nucleo().getForObject("/api/obiettivi/ob-uno?asOf=2023-03-10", JsonNode.class);
        assertThat(marzo.get("versione").asLong()).isEqualTo(6);
        assertThat(marzo.get("stato").asText()).isEqualTo("IN_CORSO");
        assertThat(marzo.get("statoAl").asText()).isEqualTo("2023-03-10");

        JsonNode elenco = nucleo().getForObject("/api/obiettivi?ente=Comune di Capannori&anno=2023&asOf=2023-02-01", JsonNode.class);
        assertThat(elenco.get("totale").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> prima = nucleo().getForEntity("/api/obiettivi/ob-uno?asOf=2022-12-31", JsonNode.class);
        assertThat(prima.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void asOfNowEqualsTheLiveScheda() {
        JsonNode live = nucleo().getForObject("/api/obiettivi/ob-uno", JsonNode.class);
        JsonNode asOf = nucleo().getForObject("/api/obiettivi/ob-uno?asOf=2100-01-01T00:00:00Z", JsonNode.class);
        assertThat(asOf).isEqualTo(live);
    }

    @Test
    void answersProblemsForBadInput() {
        ResponseEntity<JsonNode> malformato = nucleo().getForEntity("/api/obiettivi/ob-uno?asOf=ieri", JsonNode.class);
        assertThat(malformato.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformato.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(malformato.getBody().get("errori").get(0).get("campo").asText()).isEqualTo("asOf");

        assertThat(nucleo().getForEntity("/api/obiettivi/sconosciuto", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(nucleo().getForEntity("/api/obiettivi?ente=X&anno=2023&stato=BOH", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void handlingAnEventTwiceChangesNothing() {
        String prima = jdbc.queryForObject("SELECT documento FROM scheda_obiettivo WHERE obiettivo_id = 'ob-uno'", String.class);
        new TransactionTemplate(tx).executeWithoutResult(s -> {
            for (DomainEventMessage<?> e : uno.eventi()) {
                projection.on(e);
            }
        });
        String dopo = jdbc.queryForObject("SELECT documento FROM scheda_obiettivo WHERE obiettivo_id = 'ob-uno'", String.class);
        assertThat(dopo).isEqualTo(prima);
    }

    @Test
    void storicoTellsEveryChangeWithWhoAndWhy() {
        JsonNode storico = nucleo().getForObject("/api/obiettivi/ob-uno/storico", JsonNode.class);
        assertThat(storico.get("totale").asInt()).isEqualTo(11);
        JsonNode voci = storico.get("voci");
        assertThat(voci.get(0).get("descrizione").asText()).startsWith("Definito l'obiettivo «Digitalizzazione");
        assertThat(voci.get(0).get("utente").asText()).isEqualTo("dirigente");
        assertThat(voci.get(0).get("ruolo").asText()).isEqualTo("DIRIGENTE");

        JsonNode tardivo = voci.get(8);
        assertThat(tardivo.get("tipo").asText()).isEqualTo("CONSUNTIVO_REGISTRATO");
        assertThat(tardivo.get("registratoInRitardo").asBoolean()).isTrue();
        assertThat(tardivo.get("giorniRitardo").asInt()).isEqualTo(51);
        assertThat(tardivo.get("descrizione").asText()).contains("aprile 2023").contains("registrato in ritardo");
        assertThat(voci.get(5).get("registratoInRitardo").asBoolean()).isFalse();

        JsonNode rimodulazione = voci.get(9);
        assertThat(rimodulazione.get("motivazione").asText()).isEqualTo("Ritardo nell'affidamento");
        assertThat(rimodulazione.get("prima").get("fine").asText()).isEqualTo("2023-06-30");
        assertThat(rimodulazione.get("dopo").get("fine").asText()).isEqualTo("2023-09-30");
        JsonNode rettifica = voci.get(10);
        assertThat(rettifica.get("prima").get("percentuale").asInt()).isEqualTo(20);
        assertThat(rettifica.get("dopo").get("percentuale").asInt()).isEqualTo(25);
    }

    @Test
    void differenzeListTheChangesBetweenTwoInstants() {
        JsonNode d = nucleo().getForObject("/api/obiettivi/ob-uno/differenze?da=2023-06-20T12:00:00Z&a=2023-06-30", JsonNode.class);
        assertThat(d.get("voci")).extracting(v -> v.get("tipo").asText())
                .containsExactly("FASE_RIMODULATA", "CONSUNTIVO_RETTIFICATO");

        JsonNode peg = nucleo().getForObject("/api/peg/2023/differenze?ente=Comune di Capannori&da=2023-01-31&a=2023-02-28", JsonNode.class);
        assertThat(peg.get("voci")).extracting(v -> v.get("obiettivoId").asText() + ":" + v.get("sequenza").asInt())
                .containsExactly("ob-uno:5", "ob-due:0", "ob-due:1");
        assertThat(peg.get("voci").get(1).get("titoloObiettivo").asText()).isEqualTo("Riordino archivio");

        ResponseEntity<JsonNode> rovesciato = nucleo().getForEntity(
                "/api/peg/2023/differenze?ente=X&da=2023-03-01&a=2023-02-01", JsonNode.class);
        assertThat(rovesciato.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> malformato = nucleo().getForEntity("/api/obiettivi/ob-uno/differenze?da=x&a=2023-02-01", JsonNode.class);
        assertThat(malformato.getBody().get("errori").get(0).get("campo").asText()).isEqualTo("da");
        assertThat(nucleo().getForEntity("/api/obiettivi/nessuno/storico", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
