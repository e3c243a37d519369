package it.comuni.peg;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.command.concorrenza.CacheObiettivi;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The command API over real HTTP, on a real MariaDB: what it records, what it refuses, and how. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
@AutoConfigureMetrics
class ComandiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    CacheObiettivi cache;

    ClienteHttp http;

    @BeforeEach
    void client() {
        http = new ClienteHttp(porta);
    }

    static final String OBIETTIVO = """
            {"ente":"c_prova","anno":%d,"titolo":"Diminuzione tempi di verifica delle SCIA",
             "descrizione":"<p>Ridurre i tempi istruttori</p>",
             "settore":{"codice":"SASTER","nome":"ASSETTO E GESTIONE DEL TERRITORIO","responsabile":"GENTILI LUCA"},
             "ufficio":{"codice":"UEDPRI","nome":"EDILIZIA PRIVATA","responsabile":"DEL FRATE GIOVANNI"},
             "pesoIndicatori":50.0,"pesoFasi":50.0,
             "dupStrategico":{"codice":"1.2","titolo":"LA RIGENERAZIONE URBANA"},
             "dupOperativo":{"codice":"1.2.08","titolo":"Edilizia privata e qualità urbana"}}""";

    private int anno() {
        return YearMonth.now(ZoneId.of("Europe/Rome")).getYear();
    }

    private String definisci() {
        Risposta r = http.post("controllo", "/api/obiettivi", OBIETTIVO.formatted(anno()));
        assertThat(r.stato()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String mese(int indietro) {
        return YearMonth.now(ZoneId.of("Europe/Rome")).minusMonths(indietro).toString();
    }

    @Test
    void aWholeFlowIsRecordedAsEventsWithWhoDidItAndTheAggregateReloads() throws Exception {
        Risposta creato = http.post("controllo", "/api/obiettivi", OBIETTIVO.formatted(anno()));
        assertThat(creato.stato()).isEqualTo(201);
        String id = creato.json().get("id").asText();
        assertThat(creato.intestazione("Location")).isEqualTo("/api/obiettivi/" + id);
        assertThat(creato.intestazione("ETag")).isEqualTo("\"0\"");

        String inizio = anno() + "-01-01";
        String fine = anno() + "-12-31";
        List<Risposta> risposte = List.of(
                http.post("controllo", "/api/obiettivi/" + id + "/persone",
                        "{\"nome\":\"ROSSI MARIO\",\"categoria\":\"Categoria C\",\"ruolo\":\"Esperto Tecnico\",\"inizio\":\"" + inizio + "\",\"fine\":\"" + fine + "\"}"),
                http.post("controllo", "/api/obiettivi/" + id + "/fasi",
                        "{\"numero\":1,\"titolo\":\"Indagine\",\"inizio\":\"" + inizio + "\",\"fine\":\"" + fine + "\"}"),
                http.post("controllo", "/api/obiettivi/" + id + "/fasi",
                        "{\"numero\":2,\"titolo\":\"Relazione\",\"inizio\":\"" + inizio + "\",\"fine\":\"" + fine + "\",\"mesiPrevisti\":[\"" + anno() + "-11\",\"" + anno() + "-12\"]}"),
                http.post("dirigente", "/api/obiettivi/" + id + "/fasi/1/consuntivi",
                        "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":40,\"note\":\"avviata\",\"atto\":\"Determinazione n. 123\"}",
                        Map.of("Idempotency-Key", "consuntivo-1", "X-Request-Id", "richiesta-di-prova")),
                http.post("dirigente", "/api/obiettivi/" + id + "/fasi/1/rettifiche",
                        "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":35,\"motivazione\":\"Errore di battitura\"}"),
                http.post("responsabile", "/api/obiettivi/" + id + "/fasi/2/rimodulazioni",
                        "{\"inizio\":\"" + inizio + "\",\"fine\":\"" + fine + "\",\"mesiPrevisti\":[\"" + anno() + "-12\"],\"motivazione\":\"Dati in ritardo\"}"),
                http.post("controllo", "/api/obiettivi/" + id + "/indicatori",
                        "{\"codice\":\"GG\",\"nome\":\"Media giorni di istruttoria\",\"unita\":\"giorni\",\"valoreAtteso\":28,\"direzione\":\"DECRESCENTE\",\"peso\":100}"),
                http.post("dirigente", "/api/obiettivi/" + id + "/indicatori/GG/valori",
                        "{\"valore\":27.5,\"dataRiferimento\":\"" + YearMonth.parse(mese(0)).atDay(1) + "\"}"),
                http.post("dirigente", "/api/obiettivi/" + id + "/fasi/1/completamento",
                        "{\"data\":\"" + YearMonth.parse(mese(0)).atDay(1) + "\",\"atto\":\"Determinazione n. 200\"}"),
                http.post("controllo", "/api/obiettivi/" + id + "/modifiche",
                        "{\"descrizione\":\"<p>Nuova</p>\",\"pesoIndicatori\":40,\"pesoFasi\":60,\"motivazione\":\"Delibera di Giunta n. 5\"}"),
                http.post("controllo", "/api/obiettivi/" + id + "/persone/termine",
                        "{\"nome\":\"rossi mario\",\"fine\":\"" + anno() + "-06-30\"}"));
        for (int i = 0; i < risposte.size(); i++) {
            assertThat(risposte.get(i).stato()).as(risposte.get(i).toString()).isEqualTo(200);
            assertThat(risposte.get(i).json().get("versione").asLong()).isEqualTo(i + 1);
            assertThat(risposte.get(i).intestazione("ETag")).isEqualTo("\"" + (i + 1) + "\"");
        }

        List<Map<String, Object>> eventi = jdbc.queryForList(
                "SELECT global_index, sequence_number, payload_type, meta_data FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number", id);
        assertThat(eventi).extracting(e -> ((String) e.get("payload_type")).replaceAll(".*\\.", "")).containsExactly(
                "ObiettivoDefinito", "PersonaAssegnata", "FasePianificata", "FasePianificata", "ConsuntivoRegistrato",
                "ConsuntivoRettificato", "FaseRimodulata", "IndicatoreDefinito", "ValoreIndicatoreRegistrato",
                "FaseCompletata", "ObiettivoModificato", "AssegnazioneTerminata");
        JsonNode consuntivo = metadati(eventi.get(4));
        assertThat(consuntivo.get("utente").asText()).isEqualTo("dirigente");
        assertThat(consuntivo.get("ruolo").asText()).isEqualTo("DIRIGENTE");
        assertThat(consuntivo.get("chiaveIdempotenza").asText()).isEqualTo("consuntivo-1");
        assertThat(consuntivo.get("richiesta").asText()).isEqualTo("richiesta-di-prova");
        assertThat(consuntivo.get("correlationId").asText()).isNotBlank();
        assertThat(metadati(eventi.get(0)).get("utente").asText()).isEqualTo("controllo");
        assertThat(metadati(eventi.get(0)).get("ruolo").asText()).isEqualTo("CONTROLLO_GESTIONE");
        assertThat(metadati(eventi.get(6)).get("ruolo").asText()).isEqualTo("RESPONSABILE_UFFICIO");
        assertThat(metadati(eventi.get(0)).has("chiaveIdempotenza")).isFalse();

        // the aggregate reloads from the store: the completed phase refuses a consuntivo, the other accepts one
        Risposta rifiutato = http.post("dirigente", "/api/obiettivi/" + id + "/fasi/1/consuntivi",
                "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":100}");
        assertThat(rifiutato.stato()).isEqualTo(409);
        assertThat(rifiutato.json().get("detail").asText()).contains("completata");
        Risposta accettato = http.post("dirigente", "/api/obiettivi/" + id + "/fasi/2/consuntivi",
                "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":10}", Map.of("If-Match", "\"11\""));
        assertThat(accettato.stato()).as(accettato.toString()).isEqualTo(200);
        assertThat(accettato.json().get("versione").asLong()).isEqualTo(12);
    }

    /**
     * Loaded objectives stay in memory between commands; an event another process appended in the
     * meantime (the split topology's other command side) is not missed: the next command sees it and
     * is judged on it, rather than failing on the store's unique (aggregate, sequence).
     */
    @Test
    void anEventAppendedByAnotherProcessIsSeenByTheNextCommand() {
        String id = definisci();
        assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase 1\"}").stato())
                .isEqualTo(200);
        assertThat(cache.containsKey(id)).isTrue();
        // what the other process wrote: phase 2, at the next sequence number
        eventStore.publish(new GenericDomainEventMessage<>("Obiettivo", id, 2L, new FasePianificata(ObiettivoId.di(id), 2,
                "Fase scritta da un altro processo", null, null, null, List.of(), false)));

        Risposta doppia = http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":2,\"titolo\":\"Fase 2\"}");
        assertThat(doppia.stato()).as(doppia.toString()).isEqualTo(409);
        assertThat(doppia.json().get("type").asText()).endsWith("regola-violata");
        assertThat(doppia.json().get("detail").asText()).contains("La fase 2 esiste già");
        Risposta terza = http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":3,\"titolo\":\"Fase 3\"}");
        assertThat(terza.stato()).as(terza.toString()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", Long.class, id)).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void theGlobalIndexHasNoGapsAndEventsAreNeverOverwritten() {
        String id = definisci();
        for (int fase = 1; fase <= 5; fase++) {
            assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi",
                    "{\"numero\":" + fase + ",\"titolo\":\"Fase " + fase + "\"}").stato()).isEqualTo(200);
        }
        List<Long> indici = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY global_index", Long.class, id);
        assertThat(indici).hasSize(6);
        for (int i = 1; i < indici.size(); i++) {
            assertThat(indici.get(i)).isEqualTo(indici.get(i - 1) + 1);
        }
    }

    @Test
    void anEventLargerThan64KiBIsStored() {
        // 75,007 characters: beyond a BLOB's 64 KiB, within the 100,000 a description may carry
        String descrizione = "<p>" + "Descrizione molto lunga. ".repeat(3_000) + "</p>";
        String corpo = OBIETTIVO.formatted(anno()).replace("<p>Ridurre i tempi istruttori</p>", descrizione);
        Risposta r = http.post("controllo", "/api/obiettivi", corpo);
        assertThat(r.stato()).as(r.toString()).isEqualTo(201);
        Integer dimensione = jdbc.queryForObject("SELECT LENGTH(payload) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, r.json().get("id").asText());
        assertThat(dimensione).isGreaterThan(64 * 1024);
    }

    @Test
    void badInputGetsProblemJsonNamingTheField() {
        String id = definisci();
        http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}");
        String consuntivi = "/api/obiettivi/" + id + "/fasi/1/consuntivi";

        assertProblema(http.post("dirigente", consuntivi, "{\"mese\":\"2023-02\",\"svolta\":true,\"percentuale\":140}"),
                400, "percentuale", "compresa tra 0 e 100");
        assertProblema(http.post("dirigente", consuntivi, "{\"mese\":\"2023-13\",\"svolta\":true,\"percentuale\":10}"),
                400, "mese", "AAAA-MM");
        assertProblema(http.post("dirigente", consuntivi, "{\"mese\":\"2023-02\"}"), 400, "svolta", "obbligatorio");
        assertProblema(http.post("dirigente", consuntivi, "{\"mese\":\"2023-02\",\"svolta\":\"forse\",\"percentuale\":10}"),
                400, "svolta", "true o false");
        assertProblema(http.post("dirigente", consuntivi, "{\"mese\":\"2023-02\",\"svolta\":true,\"percentuale\":10,\"chi\":\"io\"}"),
                400, "chi", "non previsto");
        assertProblema(http.post("dirigente", consuntivi, "{\"mese\":"), 400, "$", "JSON non valido");
        assertProblema(http.post("dirigente", consuntivi, ""), 400, "$", "");
        assertProblema(http.post("controllo", "/api/obiettivi/" + id + "/persone",
                "{\"nome\":\"X\",\"inizio\":\"2023-02-30\",\"fine\":\"2023-03-01\"}"), 400, "inizio", "data");
        assertProblema(http.post("controllo", "/api/obiettivi/" + id + "/fasi/uno/consuntivi", "{}"), 400, "numero", "");
        assertProblema(http.post("controllo", "/api/obiettivi/" + id + "/fasi",
                "{\"numero\":2,\"titolo\":\"X\",\"inizio\":\"" + anno() + "-05-01\",\"fine\":\"" + anno() + "-04-01\"}"), 400, "fine", "precede");
        assertProblema(http.post("controllo", "/api/obiettivi/" + id + "/fasi/1/rimodulazioni",
                "{\"inizio\":\"" + anno() + "-01-01\",\"fine\":\"" + anno() + "-03-01\",\"motivazione\":\"   \"}"), 400, "motivazione", "obbligatorio");
        assertProblema(http.post("controllo", "/api/obiettivi", OBIETTIVO.formatted(anno()).replace("\"pesoFasi\":50.0", "\"pesoFasi\":\"tanti\"")),
                400, "pesoFasi", "numero");

        Risposta nonTrovato = http.post("dirigente", "/api/obiettivi/non-esiste/fasi/1/consuntivi",
                "{\"mese\":\"2023-02\",\"svolta\":true,\"percentuale\":10}");
        assertThat(nonTrovato.stato()).isEqualTo(404);
        assertThat(nonTrovato.intestazione("Content-Type")).startsWith("application/problem+json");
        // an objective's id of the shape of an ente's code is still an objective's, as the read says
        Risposta xyz = http.post("dirigente", "/api/obiettivi/xyz/fasi/1/consuntivi", "{\"mese\":\"2023-02\",\"svolta\":true,\"percentuale\":10}");
        assertThat(xyz.stato()).isEqualTo(404);
        assertThat(xyz.json().get("detail").asText()).isEqualTo("Obiettivo xyz non trovato")
                .isEqualTo(http.get("dirigente", "/api/obiettivi/xyz").json().get("detail").asText());
        assertThat(http.post("dirigente", "/api/obiettivi/" + id + "/fasi/9/consuntivi",
                "{\"mese\":\"2023-02\",\"svolta\":true,\"percentuale\":10}").stato()).isEqualTo(404);

        Risposta futuro = http.post("dirigente", consuntivi, "{\"mese\":\"" + YearMonth.now().plusMonths(2) + "\",\"svolta\":true,\"percentuale\":10}");
        assertThat(futuro.stato()).isEqualTo(409);
        assertThat(futuro.json().get("detail").asText()).contains("mese futuro");

        Risposta stale = http.post("dirigente", consuntivi, "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":10}",
                Map.of("If-Match", "\"0\""));
        assertThat(stale.stato()).isEqualTo(412);
        assertThat(stale.json().get("versioneAttuale").asLong()).isEqualTo(1);
        assertThat(http.post("dirigente", consuntivi, "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":10}",
                Map.of("If-Match", "\"7\"")).stato()).isEqualTo(412);
        assertProblema(http.post("dirigente", consuntivi, "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":10}",
                Map.of("If-Match", "ieri")), 400, "If-Match", "");

        // none of the refusals above appended anything
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id))
                .isEqualTo(2);
    }

    @Test
    void nonJsonBodiesAndWrongMethodsAreRefusedCleanly() {
        String id = definisci();
        Risposta binario = http.postByte("controllo", "/api/obiettivi/" + id + "/fasi", new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF},
                "application/json");
        assertThat(binario.stato()).isEqualTo(400);
        Risposta testo = http.postByte("controllo", "/api/obiettivi/" + id + "/fasi", "numero=1".getBytes(StandardCharsets.UTF_8),
                "text/plain");
        assertThat(testo.stato()).isEqualTo(415);
        assertThat(testo.intestazione("Content-Type")).startsWith("application/problem+json");
        assertItaliano(testo, "Tipo di contenuto non accettato", "«text/plain;charset=UTF-8»", "application/json");

        Risposta put = http.put("controllo", "/api/obiettivi/" + id + "/fasi", "{}", "application/json");
        assertThat(put.stato()).isEqualTo(405);
        assertThat(put.intestazione("Allow")).contains("POST");
        assertItaliano(put, "Metodo non consentito", "«PUT»", "/api/obiettivi/" + id + "/fasi", "POST");

        Risposta sconosciuto = http.get("controllo", "/api/nonesiste");
        assertThat(sconosciuto.stato()).isEqualTo(404);
        assertItaliano(sconosciuto, "Non trovato", "/api/nonesiste");

        Risposta inaccettabile = http.get("controllo", "/api/obiettivi?ente=c_prova&anno=" + anno(), Map.of("Accept", "text/csv"));
        assertThat(inaccettabile.stato()).isEqualTo(406);
        assertItaliano(inaccettabile, "Formato di risposta non disponibile", "«text/csv»", "application/json");
    }

    /** A problem+json whose title and detail are Italian, the detail naming what was wrong and where. */
    private static void assertItaliano(Risposta r, String titolo, String... nelDettaglio) {
        assertThat(r.intestazione("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("title").asText()).as(r.toString()).isEqualTo(titolo);
        assertThat(r.json().get("type").asText()).as(r.toString()).startsWith("urn:peg:problema:");
        assertThat(r.json().get("detail").asText()).as(r.toString()).contains(nelDettaglio)
                .doesNotContain("not supported", "Not Acceptable", "No static resource", "Unsupported");
    }

    @Test
    void whoMayCallTheCommandApi() {
        String id = definisci();
        String corpo = "{\"numero\":1,\"titolo\":\"Fase\"}";
        assertThat(http.post(null, "/api/obiettivi/" + id + "/fasi", corpo).stato()).isEqualTo(401);
        assertThat(http.post("nucleo", "/api/obiettivi/" + id + "/fasi", corpo).stato()).isEqualTo(403);
        assertThat(http.post("ops", "/api/obiettivi/" + id + "/fasi", corpo).stato()).as("no role in the ente").isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndAppendsNothing() {
        String id = definisci();
        http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}");
        String percorso = "/api/obiettivi/" + id + "/fasi/1/consuntivi";
        String corpo = "{\"mese\":\"" + mese(1) + "\",\"svolta\":true,\"percentuale\":20}";
        Map<String, String> chiave = Map.of("Idempotency-Key", "k-" + id);

        Risposta prima = http.post("dirigente", percorso, corpo, chiave);
        Risposta seconda = http.post("dirigente", percorso, corpo, chiave);
        assertThat(prima.stato()).isEqualTo(200);
        assertThat(seconda.stato()).isEqualTo(200);
        assertThat(seconda.corpo()).isEqualTo(prima.corpo());
        assertThat(seconda.intestazione("ETag")).isEqualTo(prima.intestazione("ETag"));
        assertThat(seconda.intestazione("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id))
                .isEqualTo(3);

        Risposta diversa = http.post("dirigente", percorso, corpo.replace("20", "30"), chiave);
        assertThat(diversa.stato()).isEqualTo(422);

        // a refusal is an answer too: the retry gets the same 409 and still nothing is appended
        String futuro = "{\"mese\":\"" + YearMonth.now().plusMonths(3) + "\",\"svolta\":true,\"percentuale\":30}";
        Map<String, String> altra = Map.of("Idempotency-Key", "futuro-" + id);
        assertThat(http.post("dirigente", percorso, futuro, altra).stato()).isEqualTo(409);
        assertThat(http.post("dirigente", percorso, futuro, altra).stato()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id))
                .isEqualTo(3);
    }

    @Test
    void concurrentRetriesWithTheSameKeyAppendOnce() throws Exception {
        String id = definisci();
        http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}");
        String corpo = "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":50}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Risposta>> futuri = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            futuri.add(pool.submit(() -> http.post("dirigente", "/api/obiettivi/" + id + "/fasi/1/consuntivi", corpo,
                    Map.of("Idempotency-Key", "stessa-" + id))));
        }
        for (Future<Risposta> f : futuri) {
            assertThat(f.get().stato()).as(f.get().toString()).isIn(200, 409);
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%ConsuntivoRegistrato'", Integer.class, id)).isEqualTo(1);
    }

    /**
     * Distinct keys on one objective at once: each is a different command and each is accepted.
     * The idempotency transaction outlives Axon's aggregate lock, so one of them may read the
     * objective before another's events commit; the filter retries that conflict instead of
     * refusing a command nobody else contested.
     */
    @Test
    void concurrentCommandsWithTheirOwnKeysOnOneObjectiveAreAllAccepted() throws Exception {
        String id = definisci();
        int fasi = 4;
        for (int fase = 1; fase <= fasi; fase++) {
            http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":" + fase + ",\"titolo\":\"Fase " + fase + "\"}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Risposta>> futuri = new ArrayList<>();
        for (int fase = 1; fase <= fasi; fase++) {
            for (int indietro = 0; indietro < 6; indietro++) {
                String percorso = "/api/obiettivi/" + id + "/fasi/" + fase + "/consuntivi";
                String corpo = "{\"mese\":\"" + mese(indietro) + "\",\"svolta\":true,\"percentuale\":" + (60 - indietro * 10) + "}";
                String chiave = "propria-" + id + "-" + fase + "-" + indietro;
                futuri.add(pool.submit(() -> http.post("dirigente", percorso, corpo, Map.of("Idempotency-Key", chiave))));
            }
        }
        for (Future<Risposta> f : futuri) {
            assertThat(f.get().stato()).as(f.get().toString()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%ConsuntivoRegistrato'", Integer.class, id)).isEqualTo(futuri.size());
    }

    @Test
    void aBurstOfConcurrentCommandsOnOneObjectiveLosesNothing() throws Exception {
        String id = definisci();
        int fasi = 4;
        for (int fase = 1; fase <= fasi; fase++) {
            http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":" + fase + ",\"titolo\":\"Fase " + fase + "\"}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Risposta>> futuri = new ArrayList<>();
        for (int fase = 1; fase <= fasi; fase++) {
            for (int indietro = 0; indietro < 6; indietro++) {
                int f = fase;
                String corpo = "{\"mese\":\"" + mese(indietro) + "\",\"svolta\":true,\"percentuale\":" + (60 - indietro * 10) + "}";
                // half of them claim the version they believe current: some of those must be refused with 412
                Map<String, String> intestazioni = indietro % 2 == 0 ? Map.of("If-Match", "\"" + fasi + "\"") : Map.of();
                futuri.add(pool.submit(() -> http.post("dirigente", "/api/obiettivi/" + id + "/fasi/" + f + "/consuntivi",
                        corpo, intestazioni)));
            }
        }
        int accettati = 0;
        for (Future<Risposta> f : futuri) {
            Risposta r = f.get();
            assertThat(r.stato()).as(r.toString()).isIn(200, 409, 412);
            if (r.stato() == 200) {
                accettati++;
            }
        }
        pool.shutdown();
        int registrati = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%ConsuntivoRegistrato'", Integer.class, id);
        assertThat(registrati).isEqualTo(accettati);
        assertThat(accettati).isGreaterThanOrEqualTo(12);
        List<Long> sequenze = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", Long.class, id);
        for (int i = 0; i < sequenze.size(); i++) {
            assertThat(sequenze.get(i)).isEqualTo(i);
        }
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        Risposta r = http.get(null, "/v3/api-docs");
        assertThat(r.stato()).isEqualTo(200);
        JsonNode percorsi = r.json().get("paths");
        for (String percorso : List.of("/api/obiettivi", "/api/obiettivi/{id}", "/api/obiettivi/{id}/fasi/{numero}/consuntivi",
                "/api/obiettivi/{id}/storico", "/api/obiettivi/{id}/differenze", "/api/obiettivi/{id}/valutazione",
                "/api/peg/{anno}/valutazione", "/api/persone/valutazione", "/api/valutazione/monitoraggi", "/api/import",
                "/api/audit/verifica", "/api/admin/processori", "/api/admin/eventi-parcheggiati")) {
            assertThat(percorsi.has(percorso)).as(percorso).isTrue();
        }
        assertThat(http.get(null, "/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void opsReadTheMetricsOfEveryCommandInTheDomainsWords() {
        String id = definisci();
        http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}");
        http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}");
        Risposta metriche = http.get("ops", "/actuator/prometheus");
        assertThat(metriche.stato()).isEqualTo(200);
        assertThat(metriche.corpo())
                .containsPattern("peg_comandi_seconds_count\\{[^}]*comando=\"PianificaFase\",esito=\"ok\"[^}]*} [1-9]")
                .containsPattern("peg_comandi_seconds_count\\{[^}]*comando=\"PianificaFase\",esito=\"rifiutato\"[^}]*} [1-9]")
                .containsPattern("peg_comandi_rifiutati_total\\{[^}]*motivo=\"regola_violata\"[^}]*} [1-9]")
                .containsPattern("peg_database_up\\{[^}]*} 1.0")
                .contains("http_server_requests_seconds_count")
                .contains("hikaricp_connections");
        assertThat(http.get("controllo", "/actuator/prometheus").stato()).isEqualTo(403);
        assertThat(http.get(null, "/actuator/prometheus").stato()).isEqualTo(401);
        assertThat(http.get(null, "/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
        assertThat(http.get(null, "/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
    }

    private static JsonNode metadati(Map<String, Object> riga) throws Exception {
        return JSON.readTree((byte[]) riga.get("meta_data"));
    }

    private static void assertProblema(Risposta r, int stato, String campo, String messaggio) {
        assertThat(r.stato()).as(r.toString()).isEqualTo(stato);
        assertThat(r.intestazione("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        JsonNode errori = r.json().get("errori");
        assertThat(errori).as(r.toString()).isNotNull();
        assertThat(errori.findValuesAsString("campo")).as(r.toString()).contains(campo);
        assertThat(r.corpo()).contains(messaggio);
        assertThat(r.corpo()).doesNotContain("Exception").doesNotContain("at it.");
    }
}
