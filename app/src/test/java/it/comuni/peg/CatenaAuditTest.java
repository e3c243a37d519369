package it.comuni.peg;

import it.comuni.peg.support.EntiDiProva;
import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence: whatever is changed directly in MariaDB (a byte of payload, a timestamp, a
 * metadata value, a deleted or an inserted row) is detected and located by the chain of seals;
 * put back as it was, the chain holds again with the same head hash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class CatenaAuditTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;

    ClienteHttp http;

    @BeforeEach
    void client() {
        http = new ClienteHttp(porta);
    }

    @Test
    void everyDirectChangeToTheStoreIsDetectedAndLocated() throws Exception {
        String id = scriviStoria(http, 6);
        JsonNode integra = verificaQuandoSigillato();
        assertThat(integra.get("integra").asBoolean()).as(integra.toString()).isTrue();
        String testa = integra.get("hashDiTesta").asText();
        assertThat(testa).hasSize(64);
        long terzo = indice(id, 2);

        // one byte of the payload
        Map<String, Object> originale = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", terzo);
        byte[] payload = ((byte[]) originale.get("payload")).clone();
        payload[payload.length / 2] ^= 1;
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, terzo);
        assertAnomalia("ALTERATO", terzo, id);
        ripristina(originale);
        assertThat(verifica().get("hashDiTesta").asText()).isEqualTo(testa);

        // the timestamp
        jdbc.update("UPDATE domain_event_entry SET time_stamp = ? WHERE global_index = ?", "2020-01-01T00:00:00Z", terzo);
        assertAnomalia("ALTERATO", terzo, id);
        ripristina(originale);

        // a metadata value: who did it
        byte[] metadati = new String((byte[]) originale.get("meta_data")).replace("\"controllo\"", "\"nucleo\"").getBytes();
        jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", metadati, terzo);
        assertAnomalia("ALTERATO", terzo, id);
        ripristina(originale);

        // a deleted event
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", terzo);
        assertAnomalia("MANCANTE", terzo, null);
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                originale.get("global_index"), originale.get("event_identifier"), originale.get("aggregate_identifier"),
                originale.get("sequence_number"), originale.get("type"), originale.get("time_stamp"),
                originale.get("payload_type"), originale.get("payload_revision"), originale.get("payload"), originale.get("meta_data"));
        assertThat(verifica().get("integra").asBoolean()).isTrue();

        // an event slipped in among sealed ones: leave a hole in the global index, seal past it, fill it
        jdbc.queryForObject("SELECT NEXTVAL(domain_event_entry_seq)", Long.class);
        Long buco = jdbc.queryForObject("SELECT NEXTVAL(domain_event_entry_seq)", Long.class);
        scriviStoria(http, 2);
        verificaQuandoSigillato();
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                buco, "falso-" + buco, originale.get("aggregate_identifier"), 99, originale.get("type"), originale.get("time_stamp"),
                originale.get("payload_type"), null, originale.get("payload"), originale.get("meta_data"));
        assertAnomalia("INSERITO", buco, id);
    }

    @Test
    void onlyTheNucleoAndTheControlloDiGestioneVerify() {
        String ente = "/api/audit/verifica?ente=" + EntiDiProva.PROVA;
        assertThat(http.get("nucleo", ente).stato()).isEqualTo(200);
        assertThat(http.get("controllo", ente).stato()).isEqualTo(200);
        assertThat(http.get("dirigente", ente).stato()).isEqualTo(403);
        assertThat(http.get("ops", ente).stato()).as("no role in the ente: as if it did not exist").isEqualTo(404);
        assertThat(http.get("ops", "/api/audit/verifica").stato()).as("no role in any ente").isEqualTo(403);
        assertThat(http.get("amministratore", "/api/audit/verifica").stato()).as("the whole installation's chain").isEqualTo(200);
        assertThat(http.get(null, ente).stato()).isEqualTo(401);
    }

    /** An objective of {@code fasi - 1} phases written through the API: {@code fasi} events on one aggregate; returns its id. */
    static String scriviStoria(ClienteHttp http, int fasi) {
        Risposta creato = http.post("controllo", "/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(YearMonth.now().getYear()));
        assertThat(creato.stato()).isEqualTo(201);
        String id = creato.json().get("id").asText();
        for (int fase = 1; fase < fasi; fase++) {
            assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":" + fase + ",\"titolo\":\"Fase\"}").stato())
                    .isEqualTo(200);
        }
        return id;
    }

    private long indice(String id, int sequenza) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class, id, sequenza);
    }

    private JsonNode verificaQuandoSigillato() throws InterruptedException {
        long limite = System.currentTimeMillis() + 60_000;
        JsonNode esito = verifica();
        while (esito.get("eventiInAttesaDiSigillo").asLong() > 0 && System.currentTimeMillis() < limite) {
            Thread.sleep(200);
            esito = verifica();
        }
        assertThat(esito.get("eventiInAttesaDiSigillo").asLong()).as(esito.toString()).isZero();
        return esito;
    }

    private JsonNode verifica() {
        // the administrator: only the installation's administrator is told which aggregate breaks the chain
        Risposta r = http.get("amministratore", "/api/audit/verifica");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private void assertAnomalia(String tipo, long indice, String aggregato) {
        JsonNode esito = verifica();
        assertThat(esito.get("integra").asBoolean()).as(esito.toString()).isFalse();
        JsonNode anomalia = esito.get("primaAnomalia");
        assertThat(anomalia.get("tipo").asText()).as(esito.toString()).isEqualTo(tipo);
        assertThat(anomalia.get("globalIndex").asLong()).isEqualTo(indice);
        if (aggregato != null) {
            assertThat(anomalia.get("aggregato").asText()).isEqualTo(aggregato);
        }
    }

    private void ripristina(Map<String, Object> riga) {
        jdbc.update("UPDATE domain_event_entry SET payload = ?, time_stamp = ?, meta_data = ? WHERE global_index = ?",
                riga.get("payload"), riga.get("time_stamp"), riga.get("meta_data"), riga.get("global_index"));
        assertThat(verifica().get("integra").asBoolean()).isTrue();
    }
}
