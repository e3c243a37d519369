package it.comuni.peg.query.scheda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.query.QuerySideApplication;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheda projection on the real MariaDB, fed by events appended straight to the store (the
 * query side has no command side): the HTTP scheda and list, idempotence, as-of, errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = QuerySideApplication.class)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedaProjectionTest {

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
                .completata(1, "2023-03-30", "2023-04-02T10:00:00Z");
        EventiDiProva due = new EventiDiProva("ob-due")
                .definito("Comune di Capannori", 2023, "Riordino archivio", "2023-02-10T09:00:00Z")
                .fase(1, "2023-01-01", "2023-02-28", "2023-02-10T09:02:00Z");
        ProiezioniDiProva.accoda(store, tx, uno.eventi());
        ProiezioniDiProva.accoda(store, tx, due.eventi());
        ProiezioniDiProva.attendi(processori, jdbc, "scheda");
    }

    private TestRestTemplate nucleo() {
        return rest.withBasicAuth("nucleo", "nucleo");
    }

    @Test
    void servesTheSchedaWithItsVersionAsEtag() {
        ResponseEntity<JsonNode> r = nucleo().getForEntity("/api/obiettivi/ob-uno", JsonNode.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getETag()).isEqualTo("\"7\"");
        JsonNode s = r.getBody();
        assertThat(s.get("versione").asLong()).isEqualTo(7);
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

        // today both are late: phase 2 of ob-uno ended on 30/06/2023, ob-due's only phase in February
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
}
