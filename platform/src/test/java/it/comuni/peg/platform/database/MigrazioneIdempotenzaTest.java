package it.comuni.peg.platform.database;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.platform.axon.AxonConfig;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V22 on keys the previous release stored (its HTTP answers): a retry sent across the upgrade still
 * gets what the first request was answered, read back through Axon's serializer as the command's
 * result; what the previous release kept of refusals and of requests that sent no single command
 * is dropped, and so are the columns of the HTTP answer.
 */
class MigrazioneIdempotenzaTest {

    @Test
    void theAnswersOfThePreviousReleaseBecomeCommandResults() {
        String url = MariaDbDiTest.nuovoDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, MariaDbDiTest.utente(), MariaDbDiTest.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("21").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String id = ObiettivoId.nuovo().valore();
        vecchia(jdbc, "creato", 201, "{\"id\":\"" + id + "\",\"versione\":0}");
        vecchia(jdbc, "modificato", 200, "{\"id\":\"" + id + "\",\"versione\":7}");
        vecchia(jdbc, "ciclo", 200, "{\"ciclo\":\"valutazione:Comune di Prova:2026\",\"versione\":2}");
        vecchia(jdbc, "rifiutato", 404, "{\"type\":\"urn:peg:problema:non-trovato\",\"status\":404}");
        vecchia(jdbc, "importato", 200, "{\"obiettivi\":41,\"fasi\":184}");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        Serializer serializer = new AxonConfig().serializer();
        Map<String, Object> esiti = new java.util.TreeMap<>();
        jdbc.query("SELECT chiave, impronta, tipo_esito, esito FROM richiesta_idempotente", rs -> {
            assertThat(rs.getString("impronta")).isEqualTo("f".repeat(64));
            esiti.put(rs.getString("chiave"), serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes("esito"),
                    byte[].class, rs.getString("tipo_esito"), null)));
        });
        assertThat(esiti).containsOnly(Map.entry("creato", ObiettivoId.di(id)), Map.entry("modificato", 7L),
                Map.entry("ciclo", 2L));
        List<String> colonne = jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = 'richiesta_idempotente' ORDER BY ordinal_position", String.class);
        assertThat(colonne).containsExactly("utente", "chiave", "impronta", "tipo_esito", "esito", "registrata_il");
    }

    private static void vecchia(JdbcTemplate jdbc, String chiave, int stato, String corpo) {
        jdbc.update("INSERT INTO richiesta_idempotente (utente, chiave, impronta, stato_http, tipo_contenuto, posizione, etag,"
                        + " corpo, registrata_il) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "controllo", chiave, "f".repeat(64), stato,
                stato < 300 ? "application/json" : "application/problem+json", null, null,
                corpo.getBytes(StandardCharsets.UTF_8), Timestamp.from(Instant.now()));
    }
}
