package it.comuni.peg;

import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.command.CommandSideApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Idempotency-Key as the command's unit of work keeps it: a new objective and the nucleo's acts
 * replay like any other command, a refusal keeps nothing under its key, an import claims none, and
 * concurrent retries of one key over two command-side processes on one database append once, every
 * other one replaying the first answer (never a 409).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class IdempotenzaHttpTest {

    private static String database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = MariaDbDiTest.nuovoDatabase();
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", MariaDbDiTest::utente);
        registry.add("spring.datasource.password", MariaDbDiTest::password);
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

    private static int anno() {
        return YearMonth.now(ZoneId.of("Europe/Rome")).getYear();
    }

    private int eventiConChiave(String tipo, String chiave) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?"
                + " AND CAST(meta_data AS CHAR) LIKE ?", Integer.class, "%" + tipo, "%\"chiaveIdempotenza\":\"" + chiave + "\"%");
    }

    /** The ente the import goes into: its own, so that no other test's import makes its objectives already present. */
    private static final String ENTE_IMPORTAZIONE = "c_idempotenza";

    @Autowired
    EntiDiProva enti;

    @org.junit.jupiter.api.BeforeEach
    void ente() {
        enti.prepara(ENTE_IMPORTAZIONE);
    }

    @Test
    void aNewObjectiveRetriedWithItsKeyIsCreatedOnceAndAnsweredAlike() {
        Map<String, String> chiave = Map.of("Idempotency-Key", "nuovo-obiettivo");
        String corpo = ComandiHttpTest.OBIETTIVO.formatted(anno());
        Risposta prima = http.post("controllo", "/api/obiettivi", corpo, chiave);
        Risposta seconda = http.post("controllo", "/api/obiettivi", corpo, chiave);

        assertThat(prima.stato()).as(prima.toString()).isEqualTo(201);
        assertThat(prima.intestazione("Idempotent-Replayed")).isNull();
        assertThat(seconda.stato()).as(seconda.toString()).isEqualTo(201);
        assertThat(seconda.intestazione("Idempotent-Replayed")).isEqualTo("true");
        assertThat(seconda.corpo()).isEqualTo(prima.corpo());
        assertThat(seconda.intestazione("Location")).isEqualTo(prima.intestazione("Location"));
        assertThat(seconda.intestazione("ETag")).isEqualTo(prima.intestazione("ETag"));
        assertThat(seconda.intestazione("Content-Type")).isEqualTo(prima.intestazione("Content-Type"));
        assertThat(eventiConChiave("ObiettivoDefinito", "nuovo-obiettivo")).isEqualTo(1);

        Risposta diversa = http.post("controllo", "/api/obiettivi", corpo.replace("SCIA", "CILA"), chiave);
        assertThat(diversa.stato()).as(diversa.toString()).isEqualTo(422);
        assertThat(diversa.intestazione("Content-Type")).startsWith("application/problem+json");
        assertThat(diversa.json().get("type").asText()).isEqualTo("urn:peg:problema:chiave-riutilizzata");
    }

    @Test
    void theNucleosActsReplayToo() {
        String corpo = "{\"ente\":\"c_idempotenza\",\"anno\":" + anno() + ",\"data\":\"" + anno() + "-06-30\",\"note\":\"m\"}";
        Map<String, String> chiave = Map.of("Idempotency-Key", "monitoraggio-giugno");
        Risposta prima = http.post("nucleo", "/api/valutazione/monitoraggi", corpo, chiave);
        Risposta seconda = http.post("nucleo", "/api/valutazione/monitoraggi", corpo, chiave);
        assertThat(prima.stato()).as(prima.toString()).isEqualTo(200);
        assertThat(seconda.stato()).as(seconda.toString()).isEqualTo(200);
        assertThat(seconda.corpo()).isEqualTo(prima.corpo());
        assertThat(seconda.intestazione("ETag")).isEqualTo(prima.intestazione("ETag"));
        assertThat(seconda.intestazione("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventiConChiave("MonitoraggioChiuso", "monitoraggio-giugno")).isEqualTo(1);
    }

    /** A refused command appended nothing: nothing is kept under its key, and a retry runs it again. */
    @Test
    void aRefusalKeepsNothingUnderItsKey() {
        Risposta creato = http.post("controllo", "/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(anno()));
        String id = creato.json().get("id").asText();
        String consuntivo = "/api/obiettivi/" + id + "/fasi/1/consuntivi";
        String corpo = "{\"mese\":\"" + YearMonth.now(ZoneId.of("Europe/Rome")) + "\",\"svolta\":true,\"percentuale\":10}";
        Map<String, String> chiave = Map.of("Idempotency-Key", "prima-della-fase-" + id);

        assertThat(http.post("dirigente", consuntivo, corpo, chiave).stato()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM richiesta_idempotente WHERE chiave = ?", Integer.class,
                "prima-della-fase-" + id)).isZero();
        assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}").stato())
                .isEqualTo(200);
        Risposta dopo = http.post("dirigente", consuntivo, corpo, chiave);
        assertThat(dopo.stato()).as(dopo.toString()).isEqualTo(200);
        assertThat(dopo.intestazione("Idempotent-Replayed")).isNull();
        assertThat(http.post("dirigente", consuntivo, corpo, chiave).intestazione("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventiConChiave("ConsuntivoRegistrato", "prima-della-fase-" + id)).isEqualTo(1);
    }

    /**
     * An import sends many commands, none of which claims the request's key (the key still travels
     * on every event): importing again appends nothing anyway, its ids being deterministic.
     */
    @Test
    void anImportUnderAKeyAppendsOnceAndClaimsNoKey() throws Exception {
        byte[] stampa = Files.readAllBytes(Path.of("..", "docs", "peg",
                "capannori-2023-obiettivi-peg-straordinari.txt"));
        Risposta prima = importa(stampa, "importazione-capannori");
        int eventi = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Integer.class);
        Risposta seconda = importa(stampa, "importazione-capannori");

        assertThat(prima.stato()).as(prima.toString()).isEqualTo(200);
        assertThat(prima.json().get("nuovi").asInt()).isEqualTo(41);
        assertThat(seconda.stato()).as(seconda.toString()).isEqualTo(200);
        assertThat(seconda.json().get("nuovi").asInt()).isZero();
        assertThat(seconda.json().get("giaPresenti").asInt()).isEqualTo(41);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Integer.class)).isEqualTo(eventi);
        assertThat(eventiConChiave("ObiettivoDefinito", "importazione-capannori")).isEqualTo(41);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM richiesta_idempotente WHERE chiave = ?", Integer.class,
                "importazione-capannori")).isZero();
    }

    private Risposta importa(byte[] stampa, String chiave) throws Exception {
        byte[] testa = ("--confine\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stampa.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] coda = "\r\n--confine--\r\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + porta
                        + "/api/import?ente=" + URLEncoder.encode(ENTE_IMPORTAZIONE, StandardCharsets.UTF_8) + "&anno=2023"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("controllo:controllo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=confine")
                .header("Idempotency-Key", chiave)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(testa, stampa, coda)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Risposta(r.statusCode(), r.body(), r.headers().map());
    }

    /**
     * The split topology's two command sides, as two Spring contexts on one database: each its own
     * aggregate locks and its own cache of objectives, as two processes have. Sixteen concurrent
     * retries of one key, half to each: one event, every answer 200 and the same, all but the first
     * replayed.
     */
    @Test
    void concurrentRetriesOfOneKeyOverTwoCommandSidesAppendOnce() throws Exception {
        try (ConfigurableApplicationContext secondo = new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("test")
                .properties("spring.datasource.url=" + database, "spring.datasource.username=" + MariaDbDiTest.utente(),
                        "spring.datasource.password=" + MariaDbDiTest.password(), "server.port=0")
                .run()) {
            ClienteHttp altro = new ClienteHttp(Integer.parseInt(secondo.getEnvironment().getProperty("local.server.port")));
            Risposta creato = http.post("controllo", "/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(anno()));
            String id = creato.json().get("id").asText();
            assertThat(altro.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}").stato())
                    .isEqualTo(200);

            for (int giro = 0; giro < 3; giro++) {
                String chiave = "due-processi-" + giro + "-" + id;
                String corpo = "{\"mese\":\"" + YearMonth.now(ZoneId.of("Europe/Rome")).minusMonths(giro)
                        + "\",\"svolta\":true,\"percentuale\":" + (30 - giro * 10) + "}";
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<Risposta>> futuri = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    ClienteHttp lato = i % 2 == 0 ? http : altro;
                    futuri.add(pool.submit(() -> lato.post("dirigente", "/api/obiettivi/" + id + "/fasi/1/consuntivi", corpo,
                            Map.of("Idempotency-Key", chiave))));
                }
                List<Risposta> risposte = new ArrayList<>();
                for (Future<Risposta> f : futuri) {
                    risposte.add(f.get());
                }
                pool.shutdown();
                assertThat(risposte).allSatisfy(r -> assertThat(r.stato()).as(r.toString()).isEqualTo(200));
                assertThat(risposte).extracting(Risposta::corpo).containsOnly(risposte.get(0).corpo());
                assertThat(risposte).filteredOn(r -> r.intestazione("Idempotent-Replayed") == null).hasSize(1);
                assertThat(eventiConChiave("ConsuntivoRegistrato", chiave)).as(chiave).isEqualTo(1);
            }
        }
    }
}
