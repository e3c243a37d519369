package it.comuni.peg;

import it.comuni.peg.ClienteHttp.Risposta;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as a user runs it: no database configured, MariaDB started by the
 * application in its data folder; stopped and started again, every event is still there.
 */
class RiavvioTest {

    @Test
    void everyEventSurvivesARestartOnTheSameDataFolder() throws Exception {
        Path cartella = Path.of("target", "riavvio-" + UUID.randomUUID()).toAbsolutePath();
        String id;
        long eventiPrima;
        try (ConfigurableApplicationContext primo = avvia(cartella)) {
            ClienteHttp http = new ClienteHttp(porta(primo));
            // the demo users and the demo ente exist on the embedded default; the objective's settore is made first
            Risposta settore = http.post("controllo", "/api/enti/c_b648/strutture",
                    "{\"codice\":\"SASTER\",\"nome\":\"ASSETTO E GESTIONE DEL TERRITORIO\",\"tipo\":\"SETTORE\",\"dal\":\"2000-01-01\"}");
            assertThat(settore.stato()).as(settore.toString()).isEqualTo(201);
            Risposta creato = http.post("controllo", "/api/obiettivi", "{\"ente\":\"c_b648\",\"anno\":" + YearMonth.now().getYear()
                    + ",\"titolo\":\"Dopo il riavvio\",\"settore\":{\"codice\":\"SASTER\"},\"pesoIndicatori\":50,\"pesoFasi\":50}");
            assertThat(creato.stato()).as(creato.toString()).isEqualTo(201);
            id = creato.json().get("id").asText();
            assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}").stato())
                    .isEqualTo(200);
            eventiPrima = conta(primo, id);
            assertThat(eventiPrima).isEqualTo(2);
        }
        assertThat(Files.isDirectory(cartella.resolve("db").resolve("peg"))).isTrue();

        try (ConfigurableApplicationContext secondo = avvia(cartella)) {
            assertThat(conta(secondo, id)).isEqualTo(eventiPrima);
            ClienteHttp http = new ClienteHttp(porta(secondo));
            // the aggregate reloads: its phase 1 exists (a duplicate is refused), the next version follows on
            assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Ancora\"}").stato())
                    .isEqualTo(409);
            Risposta seconda = http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":2,\"titolo\":\"Fase 2\"}",
                    java.util.Map.of("If-Match", "\"1\""));
            assertThat(seconda.stato()).as(seconda.toString()).isEqualTo(200);
            assertThat(seconda.json().get("versione").asLong()).isEqualTo(2);
        }
        // the unpacked MariaDB weighs ~200 MB: do not leave one behind per run
        org.springframework.util.FileSystemUtils.deleteRecursively(cartella);
    }

    private static ConfigurableApplicationContext avvia(Path cartella) {
        return new SpringApplicationBuilder(PegApplication.class).run(
                "--peg.database.incorporato.cartella=" + cartella,
                "--peg.database.incorporato.porta=0",
                "--server.port=0");
    }

    private static int porta(ConfigurableApplicationContext contesto) {
        return ((ServletWebServerApplicationContext) contesto).getWebServer().getPort();
    }

    private static long conta(ConfigurableApplicationContext contesto, String id) {
        return contesto.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
    }
}
