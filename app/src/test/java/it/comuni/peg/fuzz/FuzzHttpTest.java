package it.comuni.peg.fuzz;

import it.comuni.peg.support.EntiDiProva;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, generated: every endpoint of the API (see /v3/api-docs) gets bodies and parameters
 * mutated from valid ones with a fixed seed (wrong types, missing and extra fields, huge strings,
 * deep nesting, invalid UTF-8, impossible dates, negative and enormous numbers, SQL and HTML),
 * under every user. No answer may be a 5xx, and the store must hold exactly the events of the
 * commands that were accepted: one per accepted command request, none for any other request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class FuzzHttpTest {

    /** Fixed: a failure is reproduced by running the test again. Override with -Dpeg.fuzz.seme=... */
    static final long SEME = Long.getLong("peg.fuzz.seme", 20_231_130L);
    static final int RICHIESTE = Integer.getInteger("peg.fuzz.richieste", 10_000);
    static final int CLIENT = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final String[] UTENTI = {"controllo", "dirigente", "responsabile", "nucleo", "ops", null, "sconosciuto"};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntiDiProva enti;

    @org.junit.jupiter.api.BeforeEach
    void ente() {
        enti.prepara("c_fuzz");
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What one generated request was, and what came back. */
    record Esito(String richiesta, String metodo, String percorso, int stato, boolean comando, boolean ripetuta,
                 String estratto, long millis) {
    }

    @Test
    void tenThousandGeneratedRequestsGetNo5xxAndTheStoreHoldsExactlyTheAcceptedCommands() throws Exception {
        int anno = YearMonth.now(ZoneId.of("Europe/Rome")).getYear();
        Preparato preparato = prepara(anno);
        long eventiPrima = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        Generatore generatore = new Generatore(new Random(SEME), anno, preparato);
        List<Richiesta> richieste = new ArrayList<>(RICHIESTE);
        for (int i = 0; i < RICHIESTE; i++) {
            richieste.add(generatore.prossima("fz-" + i));
        }
        // the SMVP's routes from a generator of their own, so the requests above stay those of the seed
        Generatore smvp = new Generatore(new Random(SEME + 1), anno, preparato);
        for (int i = 0; i < RICHIESTE / 10; i++) {
            richieste.add(smvp.smvp("fz-smvp-" + i));
        }
        long inizio = System.nanoTime();
        List<Esito> esiti = inviaTutte(richieste);
        long secondi = (System.nanoTime() - inizio) / 1_000_000_000;

        List<Esito> errori5xx = esiti.stream().filter(e -> e.stato() >= 500 || e.stato() < 100).toList();
        Map<Integer, Long> perStato = new java.util.TreeMap<>();
        esiti.forEach(e -> perStato.merge(e.stato(), 1L, Long::sum));
        Set<String> accettati = ConcurrentHashMap.newKeySet();
        esiti.stream().filter(e -> e.comando() && e.stato() >= 200 && e.stato() < 300 && !e.ripetuta())
                .forEach(e -> accettati.add(e.richiesta()));
        // an accepted import appends one event per imported command: it may have none or many
        Set<String> importazioni = new java.util.HashSet<>();
        esiti.stream().filter(e -> e.percorso().startsWith("/api/import") && e.stato() >= 200 && e.stato() < 300)
                .forEach(e -> importazioni.add(e.richiesta()));
        System.out.printf("FUZZ: %d richieste in %d s (seme %d), per stato %s, 5xx: %d, comandi accettati: %d%n",
                esiti.size(), secondi, SEME, perStato, errori5xx.size(), accettati.size());

        esiti.stream().sorted(java.util.Comparator.comparingLong(Esito::millis).reversed()).limit(3)
                .forEach(e -> System.out.printf("FUZZ più lenta: %d ms %s %s -> %d%n", e.millis(), e.metodo(),
                        e.percorso().substring(0, Math.min(100, e.percorso().length())), e.stato()));
        assertThat(esiti).hasSize(richieste.size());
        assertThat(errori5xx).as("risposte 5xx (o nessuna risposta)").isEmpty();
        // the generator must reach past the validation, or the count below proves nothing
        assertThat(accettati).as("comandi accettati").hasSizeGreaterThan(RICHIESTE / 50);
        assertThat(perStato.keySet()).contains(400, 401, 403, 404, 409, 413);

        // the store: exactly one event per accepted command request, no event from any other request
        Map<String, Integer> eventiPerRichiesta = new HashMap<>();
        List<byte[]> metadati = jdbc.queryForList("SELECT meta_data FROM domain_event_entry ORDER BY global_index LIMIT 1000000 OFFSET "
                + eventiPrima, byte[].class);
        for (byte[] m : metadati) {
            JsonNode meta = JSON.readTree(m);
            eventiPerRichiesta.merge(meta.path("richiesta").asText("?"), 1, Integer::sum);
        }
        Map<String, Integer> eventiImportati = new HashMap<>(eventiPerRichiesta);
        eventiImportati.keySet().retainAll(importazioni);
        eventiPerRichiesta.keySet().removeAll(importazioni);
        assertThat(eventiPerRichiesta.keySet()).as("richieste con eventi").containsExactlyInAnyOrderElementsOf(accettati);
        assertThat(eventiPerRichiesta).as("eventi per richiesta").allSatisfy((r, n) -> assertThat(n).as(r).isEqualTo(1));
        long eventiDopo = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        int importati = eventiImportati.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(eventiDopo - eventiPrima).isEqualTo(accettati.size() + importati);
        // every accepted event is projected: none parked in a dead-letter queue
        long limite = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < limite && jdbc.queryForObject("SELECT COUNT(*) FROM token_entry t WHERE processor_name IN"
                + " ('scheda','storico') AND token IS NULL", Integer.class) > 0) {
            Thread.sleep(200);
        }
        Thread.sleep(3_000);
        List<Map<String, Object>> lettereMorte = jdbc.queryForList("SELECT processing_group, payload_type, cause_type, cause_message,"
                + " CAST(payload AS CHAR(2000)) AS payload FROM dead_letter_entry");
        assertThat(lettereMorte).as("lettere morte").isEmpty();
        System.out.printf("FUZZ: eventi nuovi %d = comandi accettati %d; persi o doppi: 0%n", eventiDopo - eventiPrima,
                accettati.size());
    }

    @Test
    void bodiesAndFieldsBeyondTheirLimitsGet413Or400ProblemJson() throws Exception {
        int anno = YearMonth.now(ZoneId.of("Europe/Rome")).getYear();
        long eventiPrima = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        byte[] enorme = ("{\"descrizione\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String base = "http://127.0.0.1:" + porta + "/api/obiettivi";

        // declared length beyond the cap: refused before authentication and before anything reads it
        for (String utente : new String[]{"controllo", null}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(enorme));
            if (utente != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("controllo:controllo".getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(r.body()).get("massimoByte").asLong()).isEqualTo(2 * 1024 * 1024);
        }
        // no declared length (chunked): read up to the cap, refused as soon as it passes it
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("controllo:controllo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(enorme))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // a chunked body within the cap still works
        HttpResponse<String> piccolo = http.send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("controllo:controllo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        Generatore.obiettivo(anno).toString().getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(piccolo.statusCode()).as(piccolo.body()).isEqualTo(201);

        // each field has its own limit, answered with 400 naming the field
        Map<String, String> campi = Map.of("titolo", "x".repeat(1001), "ente", "x".repeat(256), "descrizione", "x".repeat(200_001));
        for (var campo : campi.entrySet()) {
            ObjectNode corpo = Generatore.obiettivo(anno);
            corpo.put(campo.getKey(), campo.getValue());
            Esito e = invia(new Richiesta("limite-" + campo.getKey(), "controllo", "POST", "/api/obiettivi",
                    JSON.writeValueAsBytes(corpo), "application/json", Map.of(), true));
            assertThat(e.stato()).as(e.toString()).isEqualTo(400);
            assertThat(e.estratto()).contains("\"campo\":\"" + campo.getKey() + "\"");
        }
        ObjectNode settore = Generatore.obiettivo(anno);
        ((ObjectNode) settore.get("settore")).put("nome", "x".repeat(1001));
        Esito e = invia(new Richiesta("limite-settore", "controllo", "POST", "/api/obiettivi", JSON.writeValueAsBytes(settore),
                "application/json", Map.of(), true));
        assertThat(e.stato()).as(e.toString()).isEqualTo(400);
        assertThat(e.estratto()).contains("settore.nome");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(eventiPrima + 1);
    }

    private List<Esito> inviaTutte(List<Richiesta> richieste) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT);
        try {
            List<Future<Esito>> futuri = new ArrayList<>();
            for (Richiesta r : richieste) {
                futuri.add(pool.submit(() -> invia(r)));
            }
            List<Esito> esiti = new ArrayList<>();
            for (Future<Esito> f : futuri) {
                esiti.add(f.get());
            }
            return esiti;
        } finally {
            pool.shutdownNow();
        }
    }

    private Esito invia(Richiesta r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + porta + r.percorso()))
                .timeout(Duration.ofSeconds(60))
                .header("X-Request-Id", r.id());
        if (r.utente() != null) {
            String password = r.utente().equals("sconosciuto") ? "sbagliata" : r.utente();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (r.utente() + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        r.intestazioni().forEach(b::header);
        if (r.metodo().equals("GET")) {
            b.GET();
        } else {
            if (r.tipo() != null) {
                b.header("Content-Type", r.tipo());
            }
            b.method(r.metodo(), r.corpo() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(r.corpo()));
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> risposta = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String corpo = risposta.body() == null ? "" : risposta.body();
            boolean ripetuta = risposta.headers().firstValue("Idempotent-Replayed").isPresent();
            return new Esito(r.id(), r.metodo(), r.percorso(), risposta.statusCode(), r.comando(), ripetuta,
                    corpo.substring(0, Math.min(300, corpo.length())), (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            // no answer at all counts as a failure of ours, like a 5xx
            return new Esito(r.id(), r.metodo(), r.percorso(), -1, r.comando(), false, e.toString(), (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- setup: objectives the generated commands can hit for real ----

    record Preparato(List<String> obiettivi) {
    }

    private Preparato prepara(int anno) throws Exception {
        List<String> obiettivi = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Richiesta definisci = new Richiesta("prep-" + i, "controllo", "POST", "/api/obiettivi",
                    Generatore.obiettivo(anno).toString().getBytes(StandardCharsets.UTF_8), "application/json", Map.of(), false);
            Esito e = invia(definisci);
            assertThat(e.stato()).as(e.toString()).isEqualTo(201);
            String id = JSON.readTree(e.estratto()).get("id").asText();
            obiettivi.add(id);
            for (int fase = 1; fase <= 2; fase++) {
                Esito f = invia(new Richiesta("prep-" + i + "-f" + fase, "controllo", "POST", "/api/obiettivi/" + id + "/fasi",
                        ("{\"numero\":" + fase + ",\"titolo\":\"Fase " + fase + "\",\"inizio\":\"" + anno + "-01-01\",\"fine\":\""
                                + anno + "-12-31\"}").getBytes(StandardCharsets.UTF_8), "application/json", Map.of(), false));
                assertThat(f.stato()).as(f.toString()).isEqualTo(200);
            }
            Esito ind = invia(new Richiesta("prep-" + i + "-i", "controllo", "POST", "/api/obiettivi/" + id + "/indicatori",
                    "{\"codice\":\"GG\",\"nome\":\"Giorni\",\"valoreAtteso\":28,\"direzione\":\"DECRESCENTE\",\"peso\":100}"
                            .getBytes(StandardCharsets.UTF_8), "application/json", Map.of(), false));
            assertThat(ind.stato()).as(ind.toString()).isEqualTo(200);
        }
        return new Preparato(obiettivi);
    }

    // ---- the generator ----

    record Richiesta(String id, String utente, String metodo, String percorso, byte[] corpo, String tipo,
                     Map<String, String> intestazioni, boolean comando) {
    }

    /** Valid requests first, then mutated: each mutation is one way a client can get input wrong. */
    static final class Generatore {

        private static final String[] STRINGHE_CATTIVE = {
                "", " ", "\t\n", "' OR '1'='1", "1; DROP TABLE domain_event_entry; --", "\" OR 1=1 --",
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/a}", "%00", "\u0000",
                "../../etc/passwd", "😀🇮🇹", "\uD800", "null", "true", "-1", "1e309", "NaN", "Infinity",
                "2023-02-30", "2023-13", "2023-00-10", "0000-01-01", "+999999999-12-31", "-2023-01-01", "2023-2-3",
                "2023-02-29", "31/12/2023", "2023-12-31T25:61:00Z", "ÀÈÌÒÙ àèìòù", "SASTER", "GENTILI LUCA"};
        private static final String[] NUMERI_CATTIVI = {
                "-1", "0", "-0", "1.5", "100.0000000001", "101", "-100", "2147483648", "-2147483649", "9223372036854775808",
                "1e309", "-1e309", "1E+2", "99999999999999999999999999999999999999", "0.00000000000000000000001", "1e-400",
                "123456789012345678901234567890.123456789"};

        private final Random random;
        private final int anno;
        private final Preparato preparato;
        private final AtomicInteger mesi = new AtomicInteger();

        Generatore(Random random, int anno, Preparato preparato) {
            this.random = random;
            this.anno = anno;
            this.preparato = preparato;
        }

        static ObjectNode obiettivo(int anno) {
            ObjectNode o = N.objectNode();
            o.put("ente", "c_fuzz").put("anno", anno).put("titolo", "Obiettivo generato").put("descrizione", "<p>x</p>");
            o.putObject("settore").put("codice", "SASTER").put("nome", "ASSETTO").put("responsabile", "GENTILI LUCA");
            o.putObject("ufficio").put("codice", "UEDPRI").put("nome", "EDILIZIA").put("responsabile", "DEL FRATE GIOVANNI");
            o.put("pesoIndicatori", 50).put("pesoFasi", 50);
            o.putObject("dupStrategico").put("codice", "1.2").put("titolo", "RIGENERAZIONE");
            o.putObject("dupOperativo").put("codice", "1.2.08").put("titolo", "Edilizia");
            return o;
        }

        Richiesta prossima(String id) {
            int scelta = random.nextInt(100);
            if (scelta < 72) {
                return comando(id);
            }
            if (scelta < 94) {
                return lettura(id);
            }
            return amministrazione(id);
        }

        private String utente(String preferito) {
            return random.nextInt(100) < 80 ? preferito : UTENTI[random.nextInt(UTENTI.length)];
        }

        private String obiettivo() {
            int s = random.nextInt(20);
            if (s < 16) {
                return preparato.obiettivi().get(random.nextInt(preparato.obiettivi().size()));
            }
            return switch (s) {
                case 16 -> "non-esiste";
                case 17 -> URLEncoder.encode(STRINGHE_CATTIVE[random.nextInt(STRINGHE_CATTIVE.length)], StandardCharsets.UTF_8);
                case 18 -> "a".repeat(2000);
                default -> "%20";
            };
        }

        private String numero() {
            int s = random.nextInt(10);
            return s < 7 ? String.valueOf(1 + random.nextInt(2))
                    : new String[]{"0", "-1", "99999999999", "uno", "1.5", "%2e%2e"}[random.nextInt(6)];
        }

        private String mese() {
            // most months in the past year, spread so that many consuntivi are genuinely new
            return YearMonth.now(ZoneId.of("Europe/Rome")).minusMonths(random.nextInt(12)).toString();
        }

        private String data() {
            return YearMonth.now(ZoneId.of("Europe/Rome")).minusMonths(random.nextInt(6)).atDay(1 + random.nextInt(28)).toString();
        }

        private Richiesta comando(String id) {
            String ob = obiettivo();
            int tipo = random.nextInt(13);
            String percorso;
            ObjectNode corpo = N.objectNode();
            String utente;
            switch (tipo) {
                case 0 -> {
                    percorso = "/api/obiettivi";
                    corpo = obiettivo(anno);
                    utente = utente("controllo");
                }
                case 1 -> {
                    percorso = "/api/obiettivi/" + ob + "/modifiche";
                    int p = random.nextInt(101);
                    corpo.put("descrizione", "d" + random.nextInt()).put("pesoIndicatori", p).put("pesoFasi", 100 - p)
                            .put("motivazione", "Delibera " + random.nextInt(1000));
                    utente = utente("controllo");
                }
                case 2 -> {
                    percorso = "/api/obiettivi/" + ob + "/persone";
                    corpo.put("nome", "PERSONA " + random.nextInt(50)).put("categoria", "C").put("ruolo", "Tecnico")
                            .put("inizio", anno + "-01-01").put("fine", anno + "-12-31");
                    utente = utente("controllo");
                }
                case 3 -> {
                    percorso = "/api/obiettivi/" + ob + "/persone/termine";
                    corpo.put("nome", "PERSONA " + random.nextInt(50)).put("fine", data());
                    utente = utente("controllo");
                }
                case 4 -> {
                    percorso = "/api/obiettivi/" + ob + "/fasi";
                    corpo.put("numero", 3 + random.nextInt(40)).put("titolo", "Fase").put("inizio", anno + "-01-01")
                            .put("fine", anno + "-12-31");
                    if (random.nextBoolean()) {
                        corpo.putArray("mesiPrevisti").add(anno + "-03").add(anno + "-04");
                    }
                    utente = utente("controllo");
                }
                case 5 -> {
                    percorso = "/api/obiettivi/" + ob + "/fasi/" + numero() + "/rimodulazioni";
                    corpo.put("inizio", anno + "-0" + (1 + random.nextInt(5)) + "-01").put("fine", anno + "-12-31")
                            .put("motivazione", "Ritardo " + random.nextInt(1000));
                    utente = utente("responsabile");
                }
                case 6, 7 -> {
                    percorso = "/api/obiettivi/" + ob + "/fasi/" + numero() + "/consuntivi";
                    corpo.put("mese", mese()).put("svolta", random.nextBoolean()).put("percentuale", random.nextInt(101))
                            .put("note", "n").put("atto", "Det. " + random.nextInt(999));
                    utente = utente("dirigente");
                }
                case 8 -> {
                    percorso = "/api/obiettivi/" + ob + "/fasi/" + numero() + "/rettifiche";
                    corpo.put("mese", mese()).put("svolta", true).put("percentuale", random.nextInt(101))
                            .put("motivazione", "Errore " + random.nextInt(1000));
                    utente = utente("dirigente");
                }
                case 9 -> {
                    percorso = "/api/obiettivi/" + ob + "/fasi/" + numero() + "/completamento";
                    corpo.put("data", data()).put("atto", "Det. fine");
                    utente = utente("dirigente");
                }
                case 10 -> {
                    percorso = "/api/obiettivi/" + ob + "/indicatori";
                    corpo.put("codice", "I" + random.nextInt(30)).put("nome", "Indicatore").put("unita", "n")
                            .put("valoreAtteso", random.nextInt(100)).put("direzione", random.nextBoolean() ? "CRESCENTE" : "DECRESCENTE")
                            .put("peso", 1 + random.nextInt(10));
                    utente = utente("controllo");
                }
                case 11 -> {
                    String codice = random.nextInt(5) == 0 ? URLEncoder.encode(stringaCattiva(), StandardCharsets.UTF_8) : "GG";
                    percorso = "/api/obiettivi/" + ob + "/indicatori/" + codice + "/valori";
                    corpo.put("valore", random.nextInt(1000) / 10.0).put("dataRiferimento", data());
                    utente = utente("dirigente");
                }
                default -> {
                    int v = random.nextInt(3);
                    if (v == 0) {
                        percorso = "/api/valutazione/metodo";
                        corpo.put("ente", "c_fuzz").put("anno", anno).put("motivazione", "SMVP " + random.nextInt(100));
                        corpo.putObject("parametri").put("penalitaMeseRitardo", random.nextInt(20))
                                .put("fattoreNonCompletata", 0.5).put("tolleranzaGiorni", random.nextInt(30));
                    } else if (v == 1) {
                        percorso = "/api/valutazione/monitoraggi";
                        corpo.put("ente", "c_fuzz").put("anno", anno).put("data", anno + "-06-30").put("note", "m");
                    } else {
                        percorso = "/api/valutazione/valutazioni";
                        corpo.put("ente", "c_fuzz").put("anno", anno).put("obiettivoId", ob).put("al", anno + "-06-30")
                                .put("motivazione", "Valutato");
                    }
                    utente = utente("nucleo");
                }
            }
            Map<String, String> intestazioni = new HashMap<>();
            if (random.nextInt(4) == 0) {
                intestazioni.put("Idempotency-Key", random.nextInt(3) == 0 ? "chiave-" + random.nextInt(200) : "k-" + id);
            }
            if (random.nextInt(6) == 0) {
                intestazioni.put("If-Match", new String[]{"\"0\"", "\"3\"", "*", "W/\"2\"", "ieri", "\"-1\"", "\"99999999999999999999\"",
                        "\"" + random.nextInt(10) + "\""}[random.nextInt(8)]);
            }
            byte[] byteCorpo;
            String tipoContenuto = "application/json";
            int mutazione = random.nextInt(100);
            if (mutazione < 30) {
                byteCorpo = bytes(corpo);
            } else if (mutazione < 80) {
                byteCorpo = bytes(muta(corpo));
            } else {
                byteCorpo = corpoStrano();
                if (random.nextInt(5) == 0) {
                    tipoContenuto = new String[]{"text/plain", "application/xml", "application/x-www-form-urlencoded",
                            "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x"}[random.nextInt(5)];
                }
            }
            return new Richiesta(id, utente, "POST", percorso, byteCorpo, tipoContenuto, intestazioni, true);
        }

        /** A request to the SMVP's routes: scores, their CSV, the method in force, the nucleo's decisions. */
        Richiesta smvp(String id) {
            String ob = obiettivo();
            String annoP = random.nextInt(5) == 0 ? parametro() : String.valueOf(anno);
            if (random.nextInt(4) == 0) {
                ObjectNode corpo = N.objectNode();
                corpo.put("ente", "c_fuzz").put("anno", anno).put("obiettivoId", ob)
                        .put("voce", new String[]{"OBIETTIVO", "FASE", "INDICATORE"}[random.nextInt(3)])
                        .put("riferimento", random.nextBoolean() ? numero() : "GG")
                        .put("tipo", random.nextBoolean() ? "FORZATURA" : "NON_VALUTABILE")
                        .put("valore", random.nextInt(120)).put("motivazione", "Decisione " + random.nextInt(100));
                byte[] byteCorpo = random.nextBoolean() ? bytes(corpo) : bytes(muta(corpo));
                return new Richiesta(id, utente("nucleo"), "POST", "/api/valutazione/smvp/decisioni", byteCorpo, "application/json",
                        Map.of(), true);
            }
            String percorso = switch (random.nextInt(4)) {
                case 0 -> "/api/valutazione/smvp/obiettivi/" + ob + "?al=" + parametro() + (random.nextBoolean() ? "&asOf=" + parametro() : "");
                case 1 -> "/api/valutazione/smvp/peg?ente=c_fuzz&anno=" + annoP + "&al=" + parametro() + "&asOf=" + parametro();
                case 2 -> "/api/valutazione/smvp/peg.csv?ente=" + parametro() + "&anno=" + annoP + "&al=" + parametro();
                default -> "/api/valutazione/metodo-smvp?ente=c_fuzz&anno=" + annoP + "&al=" + parametro() + "&asOf=" + parametro();
            };
            return new Richiesta(id, utente(random.nextBoolean() ? "nucleo" : "dirigente"), "GET", percorso, null, null, Map.of(), false);
        }

        private Richiesta lettura(String id) {
            String ob = obiettivo();
            String annoP = random.nextInt(5) == 0 ? parametro() : String.valueOf(anno);
            String percorso = switch (random.nextInt(11)) {
                case 0 -> "/api/obiettivi/" + ob;
                case 1 -> "/api/obiettivi/" + ob + "?asOf=" + parametro();
                case 2 -> "/api/obiettivi?ente=" + parametro() + "&anno=" + annoP + (random.nextBoolean() ? "&settore=" + parametro() : "");
                case 3 -> "/api/obiettivi/" + ob + "/storico";
                case 4 -> "/api/obiettivi/" + ob + "/differenze?da=" + parametro() + "&a=" + parametro();
                case 5 -> "/api/peg/" + annoP + "/storico?ente=" + parametro();
                case 6 -> "/api/peg/" + annoP + "/differenze?ente=c_fuzz&da=" + parametro() + "&a=" + parametro();
                case 7 -> "/api/obiettivi/" + ob + "/valutazione?al=" + parametro();
                case 8 -> "/api/peg/" + annoP + "/valutazione?ente=c_fuzz&asOf=" + parametro();
                case 9 -> "/api/persone/valutazione?nome=" + parametro() + "&anno=" + annoP;
                default -> new String[]{"/api/audit/verifica", "/v3/api-docs", "/actuator/health", "/actuator/health/readiness",
                        "/api/admin/processori", "/api/admin/proiezioni", "/api/inesistente", "/actuator/prometheus"}[random.nextInt(8)];
            };
            return new Richiesta(id, utente(random.nextBoolean() ? "nucleo" : "dirigente"), "GET", percorso, null, null, Map.of(), false);
        }

        private Richiesta amministrazione(String id) {
            String nome = random.nextInt(3) == 0 ? "scheda" : URLEncoder.encode(stringaCattiva(), StandardCharsets.UTF_8) + "x";
            String percorso = switch (random.nextInt(4)) {
                case 0 -> "/api/admin/processori/" + nome;
                // a wrong name only: stopping a real processor is not what this test is about
                case 1 -> "/api/admin/processori/" + nome + "-non-esiste/stop";
                case 2 -> "/api/admin/proiezioni/" + nome + "-non-esiste/ricostruzione";
                default -> "/api/import?ente=" + parametro() + "&anno=" + parametro();
            };
            boolean post = !percorso.startsWith("/api/admin/processori/" + nome) || percorso.endsWith("/stop");
            String metodo = percorso.startsWith("/api/import") || post ? "POST" : "GET";
            String tipo = random.nextBoolean() ? "application/json" : "multipart/form-data; boundary=confine";
            byte[] corpo = tipo.startsWith("multipart") && random.nextBoolean()
                    ? ("--confine\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
                    + stringaCattiva() + "\r\n--confine--\r\n").getBytes(StandardCharsets.UTF_8)
                    : corpoStrano();
            // the import is a command too (many events): it counts like one if ever accepted
            return new Richiesta(id, utente("controllo"), metodo, percorso, metodo.equals("POST") ? corpo : null, tipo,
                    Map.of(), false);
        }

        private String parametro() {
            String v = switch (random.nextInt(6)) {
                case 0 -> stringaCattiva();
                case 1 -> NUMERI_CATTIVI[random.nextInt(NUMERI_CATTIVI.length)];
                case 2 -> "2023-06-30T12:00:00Z";
                case 3 -> "c_fuzz";
                case 4 -> String.valueOf(anno);
                default -> "x".repeat(random.nextInt(3000));
            };
            return URLEncoder.encode(v, StandardCharsets.UTF_8);
        }

        private String stringaCattiva() {
            return STRINGHE_CATTIVE[random.nextInt(STRINGHE_CATTIVE.length)];
        }

        private JsonNode muta(ObjectNode originale) {
            ObjectNode o = originale.deepCopy();
            List<String> campi = new ArrayList<>();
            campi.addAll(o.propertyNames());
            int quante = 1 + random.nextInt(3);
            for (int i = 0; i < quante; i++) {
                String campo = campi.isEmpty() ? "x" : campi.get(random.nextInt(campi.size()));
                switch (random.nextInt(6)) {
                    case 0 -> o.remove(campo);
                    case 1 -> o.put("campoInatteso" + random.nextInt(3), stringaCattiva());
                    case 2 -> o.set(campo, valoreCattivo(0));
                    case 3 -> {
                        JsonNode annidato = o.get(campo);
                        if (annidato instanceof ObjectNode oggetto && oggetto.size() > 0) {
                            String interno = oggetto.propertyNames().iterator().next();
                            oggetto.set(interno, valoreCattivo(0));
                        } else {
                            o.set(campo, valoreCattivo(0));
                        }
                    }
                    case 4 -> o.put(campo, "x".repeat(new int[]{256, 1001, 10_001, 200_001, 300_000}[random.nextInt(5)]));
                    default -> o.set(campo, N.numberNode(new java.math.BigDecimal(NUMERI_CATTIVI[random.nextInt(NUMERI_CATTIVI.length)]
                            .replace("1e309", "1e30").replace("-1e309", "-1e30").replace("1e-400", "1e-40"))));
                }
            }
            return o;
        }

        private JsonNode valoreCattivo(int profondita) {
            return switch (random.nextInt(profondita > 2 ? 6 : 9)) {
                case 0 -> N.textNode(stringaCattiva());
                case 1 -> N.nullNode();
                case 2 -> N.booleanNode(random.nextBoolean());
                case 3 -> N.numberNode(random.nextLong());
                case 4 -> N.numberNode(random.nextDouble() * 1e12 - 5e11);
                case 5 -> N.textNode("x".repeat(random.nextInt(5000)));
                case 6 -> {
                    ArrayNode a = N.arrayNode();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        a.add(valoreCattivo(profondita + 1));
                    }
                    yield a;
                }
                case 7 -> {
                    ObjectNode a = N.objectNode();
                    a.set("codice", valoreCattivo(profondita + 1));
                    a.set("chi", valoreCattivo(profondita + 1));
                    yield a;
                }
                default -> N.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(60))));
            };
        }

        private byte[] corpoStrano() {
            return switch (random.nextInt(11)) {
                case 0 -> new byte[0];
                case 1 -> {
                    byte[] b = new byte[1 + random.nextInt(200)];
                    random.nextBytes(b);
                    yield b;
                }
                case 2 -> "{\"mese\":\"2023-01\",\"note\":\"\u00e8\"}".getBytes(StandardCharsets.ISO_8859_1);
                case 3 -> new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, (byte) 0xFF, '"', '}'};
                case 4 -> ("[".repeat(2000 + random.nextInt(50_000))).getBytes(StandardCharsets.UTF_8);
                case 5 -> ("{\"a\":".repeat(1500) + "1" + "}".repeat(1500)).getBytes(StandardCharsets.UTF_8);
                case 6 -> "{\"mese\":".getBytes(StandardCharsets.UTF_8);
                case 7 -> ("{\"valore\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
                // beyond the body cap: 413
                case 8 -> ("{\"descrizione\":\"" + "x".repeat(2 * 1024 * 1024 + random.nextInt(1000)) + "\"}").getBytes(StandardCharsets.UTF_8);
                case 9 -> "null".getBytes(StandardCharsets.UTF_8);
                default -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            };
        }

        private static byte[] bytes(JsonNode nodo) {
            return JSON.writeValueAsBytes(nodo);
        }
    }
}
