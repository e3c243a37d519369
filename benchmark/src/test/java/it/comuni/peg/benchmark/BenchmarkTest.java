package it.comuni.peg.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.audit.VerificaCatena;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's code path on a tiny store, in seconds: it measures nothing worth reading, but
 * proves that the generated store is one the application reads back (every projection rebuilt
 * from it, the organigrammi's command-side rows equal to what their events say, commands accepted
 * on it as each objective's dirigente by the organigramma, the floor answered, the hash chain
 * intact) and that the results hold every key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BenchmarkTest {

    private static final EmittenteToken TOKEN = EmittenteToken.nuovo();
    private static final Path CARTELLA = Path.of("target", "bench-test").toAbsolutePath();

    @DynamicPropertySource
    static void proprieta(DynamicPropertyRegistry registry) throws Exception {
        MariaDbDiTest.registra(registry);
        Path chiave = TOKEN.scriviChiavePubblica(CARTELLA.resolve("chiave-pubblica.pem"));
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + chiave);
    }

    @Autowired
    ApplicationContext contesto;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VerificaCatena catena;

    @Test
    void aTinyRunWritesEveryKeyAndItsCountsAddUp() throws Exception {
        Risultati risultati = new Banco(contesto, Parametri.minimo(CARTELLA), TOKEN).esegui();
        Path file = risultati.scrivi(CARTELLA.resolve("results.json"));

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        for (String chiave : Risultati.CHIAVI) {
            assertThat(json.has(chiave)).as(chiave).isTrue();
            assertThat(json.get(chiave).isNumber()).as(chiave).isTrue();
        }
        long generati = json.get("events_generated").asLong();
        long accettati = json.get("commands_accepted").asLong();
        assertThat(generati).isGreaterThanOrEqualTo(3_000);
        assertThat(accettati).isPositive();
        assertThat(json.get("commands_refused").asLong()).isZero();
        assertThat(json.get("events_in_store").asLong()).isEqualTo(generati + accettati);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(generati + accettati);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheda_obiettivo", Long.class))
                .isEqualTo(json.get("objectives").asLong());
        assertThat(json.get("asof_objective_events").asLong()).isGreaterThanOrEqualTo(250);
        // every comune is an ente with its organigramma: the command side's rows written beside the events
        // are the very rows the events say (the read side's, rebuilt from them), and every dirigente user is
        // the persona holding their settore's incarico (else their commands above would have been refused)
        long comuni = json.get("comuni").asLong();
        long settori = comuni * StoreSintetico.SETTORI_PER_COMUNE;
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organigramma_ente", Long.class)).isEqualTo(comuni);
        assertThat(jdbc.queryForList("SELECT ente FROM comando_ente ORDER BY ente", String.class))
                .isEqualTo(jdbc.queryForList("SELECT ente FROM organigramma_ente ORDER BY ente", String.class))
                .contains("c0001");
        assertThat(jdbc.queryForList("SELECT DISTINCT ente FROM scheda_obiettivo ORDER BY ente", String.class))
                .isEqualTo(jdbc.queryForList("SELECT ente FROM comando_ente ORDER BY ente", String.class));
        assertUguali("SELECT ente, codice, nome, tipo, settore, dal, al FROM %s_struttura ORDER BY ente, codice",
                settori * (1 + StoreSintetico.UFFICI_PER_SETTORE));
        assertUguali("SELECT ente, identificativo, nome FROM %s_persona ORDER BY ente, identificativo", settori);
        assertUguali("SELECT ente, incarico, struttura, persona, dal, al FROM %s_incarico ORDER BY ente, incarico", settori);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accesso a JOIN comando_incarico i ON i.ente = a.ente"
                + " AND i.persona = a.persona WHERE a.ruolo = 'DIRIGENTE' AND a.utente LIKE 'dir.%'", Long.class)).isEqualTo(settori);
        assertThat(json.get("replay_events_per_s").asDouble()).isPositive();
        assertThat(json.get("raw_single_insert_per_s").asDouble()).isPositive();
        assertThat(json.get("raw_batch_insert_rows_per_s").asDouble()).isPositive();
        assertThat(json.get("asof_p99_ms").asDouble()).isGreaterThanOrEqualTo(json.get("asof_p50_ms").asDouble());
        // the floor answered every request through the API's security (a refused token or role would
        // count as a failure), and its CPU stands beside the commands'
        for (JsonNode livello : json.get("floor_levels")) {
            assertThat(livello.get("riusciti").asLong()).isPositive();
            assertThat(livello.get("falliti").asLong()).isZero();
        }
        assertThat(json.get("floor_p99_ms").asDouble()).isPositive();
        assertThat(json.get("command_cpu_ms").asDouble()).isPositive();
        assertThat(json.get("floor_cpu_ms").asDouble()).isPositive();
        assertThat(json.get("command_cpu_ms_over_floor").asDouble()).isPositive();
        // the scratch table of the raw references is gone
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = 'banco_grezzo'", Long.class)).isZero();
        assertThat(risultati.tabella()).contains("replay_ratio", "command_ratio", "command_cpu_ms_over_floor");
        // the chain sealed in bulk verifies, and the events appended since are sealed after it
        long limite = System.currentTimeMillis() + 60_000;
        while (catena.verifica().eventiInAttesaDiSigillo() > 0 && System.currentTimeMillis() < limite) {
            Thread.sleep(200);
        }
        assertThat(catena.verifica().integra()).as(catena.verifica().toString()).isTrue();
        assertThat(catena.verifica().eventiVerificati()).isEqualTo(generati + accettati);
    }

    /** The command side's table and the read side's ({@code comando_} and {@code organigramma_} in {@code sql}) hold the same rows, that many. */
    private void assertUguali(String sql, long righe) {
        var comando = jdbc.queryForList(sql.formatted("comando"));
        assertThat(comando).hasSize((int) righe).isEqualTo(jdbc.queryForList(sql.formatted("organigramma")));
    }
}
