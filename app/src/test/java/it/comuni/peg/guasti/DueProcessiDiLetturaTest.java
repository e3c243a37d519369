package it.comuni.peg.guasti;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.query.QuerySideApplication;
import it.comuni.peg.support.ObiettivoDiProva;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.ProcessoFiglio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes that both run the query side, on one store, in two JVM time zones nine hours apart: a
 * query-side process in America/Los_Angeles (started first, it claims every segment) and the single
 * process in Europe/Rome (commands and queries). Each is a JVM of its own, so each has its own Axon node
 * name ({@code pid@host}): two Spring contexts in one JVM would share it and hide what is checked here.
 * <ul>
 * <li>Time zones: both see both alive (the heartbeat of segment balancing), the segments are shared
 * fairly, a parked event shows the same time (the true one) from either, and an as-of read gives the same
 * answer from either.</li>
 * <li>A rebuild asked of one process while the other runs: the asking process has the other release its
 * segments (through the shared database), rebuilds, and lets it resume; when the other does not answer
 * (a frozen JVM, SIGSTOP) the answer is a 409 naming it, and the asking process goes on serving.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DueProcessiDiLetturaTest {

    private static final ZoneId FUSO_LETTURA = ZoneId.of("America/Los_Angeles");
    private static final ZoneId FUSO_UNICO = ZoneId.of("Europe/Rome");
    private static final Duration ATTESA = Duration.ofSeconds(60);
    /** A JVM's start on a busy two-core machine: as ArrestoBruscoTest allows. */
    private static final Duration AVVIO = Duration.ofSeconds(180);
    private static final List<String> PROIEZIONI = List.of("scheda", "storico");
    private static final String ENTE = "c_prova";
    /** What both processes share: quick balancing, no periodic retry of parked events, a short wait for the other. */
    private static final List<String> IMPOSTAZIONI = List.of(
            "--peg.processori.bilanciamento-ms=300",
            // a node gives a segment up for twice this (BilanciamentoSegmenti): longer than Axon's token claim interval
            // (5 s), so the other node's coordinator looks for free segments at least once before the giver may claim it
            // back; at 2 s the two raced, and the giver won for half a minute at a time
            "--peg.processori.vita-nodo=PT3S",
            "--peg.proiezioni.ripresa-parcheggiati=PT1H",
            "--peg.proiezioni.pausa.controllo=PT0.2S",
            "--peg.proiezioni.pausa.attesa=PT4S",
            // a frozen process keeps its claims for longer than the asking process waits: the refusal is then certain
            "--axon.eventhandling.tokenstore.claim-timeout=PT60S",
            "--logging.level.root=warn");

    private ProcessoFiglio lettura;
    private ProcessoFiglio unico;
    private ClienteHttp httpLettura;
    private ClienteHttp httpUnico;
    private JdbcTemplate jdbc;
    private int anno;

    @BeforeAll
    void avvia() throws Exception {
        String url = MariaDbDiTest.nuovoDatabase();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, MariaDbDiTest.utente(), MariaDbDiTest.password()));
        Path log = Path.of("target", "due-processi-di-lettura.log");
        int portaLettura = Verifiche.portaLibera();
        int portaUnico = Verifiche.portaLibera();
        httpLettura = new ClienteHttp(portaLettura);
        httpUnico = new ClienteHttp(portaUnico);
        anno = LocalDate.now(FUSO_UNICO).getYear();

        lettura = ProcessoFiglio.avvia(QuerySideApplication.class, url, portaLettura, FUSO_LETTURA, log, IMPOSTAZIONI);
        assertThat(Attesa.entro(AVVIO, () -> Verifiche.pronta(httpLettura))).as("processo di lettura avviato").isTrue();
        attendi(() -> PROIEZIONI.stream().allMatch(p -> segmenti(p, lettura.nodo()) == 4), "il processo di lettura abbia ogni segmento");
        unico = ProcessoFiglio.avvia(PegApplication.class, url, portaUnico, FUSO_UNICO, log, IMPOSTAZIONI);
        assertThat(Attesa.entro(AVVIO, () -> Verifiche.pronta(httpUnico))).as("processo unico avviato").isTrue();
    }

    @AfterAll
    void ferma() throws Exception {
        try {
            if (lettura != null) {
                lettura.scongela();
                lettura.close();
            }
        } finally {
            if (unico != null) {
                unico.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothProcessesSeeEachOtherAliveAndShareTheSegments() throws Exception {
        attendi(() -> PROIEZIONI.stream().allMatch(p -> segmenti(p, lettura.nodo()) == 2 && segmenti(p, unico.nodo()) == 2),
                "i segmenti siano divisi a metà", this::proprietari);
        // what each process wrote as its heartbeat is the same instant, in UTC, whatever its own zone
        LocalDateTime adessoUtc = jdbc.queryForObject("SELECT UTC_TIMESTAMP(6)", LocalDateTime.class);
        List<Map.Entry<String, LocalDateTime>> battiti = jdbc.query("SELECT nodo, visto_il FROM nodo_processore",
                (rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDateTime.class)));
        assertThat(battiti).isNotEmpty().allSatisfy(b -> assertThat(Duration.between(b.getValue(), adessoUtc).abs())
                .as("battito di %s: %s, adesso UTC %s", b.getKey(), b.getValue(), adessoUtc).isLessThan(Duration.ofSeconds(10)));
        // so each process counts both alive, and neither takes itself for the only one
        for (ClienteHttp http : List.of(httpLettura, httpUnico)) {
            for (String proiezione : PROIEZIONI) {
                JsonNode p = processore(http, proiezione);
                Set<String> nodi = new TreeSet<>();
                p.path("nodiAttivi").forEach(n -> nodi.add(n.asText()));
                assertThat(nodi).as("nodi attivi visti da %s", p).containsExactlyInAnyOrder(lettura.nodo(), unico.nodo());
            }
        }
    }

    @Test
    @Order(2)
    void aParkedEventShowsTheSameTrueTimeFromEitherProcess() throws Exception {
        // SQLSTATE class 22 (data exception), as a real constraint of the data would raise; Connector/J reports
        // a class it does not know (45000) as a lost connection, which is retried rather than parked
        jdbc.execute("CREATE TRIGGER guasto_scheda BEFORE INSERT ON scheda_obiettivo FOR EACH ROW"
                + " BEGIN IF NEW.titolo LIKE 'GUASTO%' THEN SIGNAL SQLSTATE '22000' SET MESSAGE_TEXT = 'Guasto simulato'; END IF; END");
        try {
            Instant primaDelGuasto = Instant.now();
            String guasto = definisci("GUASTO nel disegno della scheda");
            attendi(() -> parcheggiati(httpUnico, guasto).size() == 1, "l'obiettivo guasto sia parcheggiato");
            Instant dopoIlGuasto = Instant.now();
            JsonNode dalUnico = httpUnico.get("amministratore", "/api/admin/eventi-parcheggiati?proiezione=scheda").json();
            JsonNode dallaLettura = httpLettura.get("amministratore", "/api/admin/eventi-parcheggiati?proiezione=scheda").json();
            for (ClienteHttp http : List.of(httpLettura, httpUnico)) {
                Instant parcheggiato = Instant.parse(parcheggiati(http, guasto).get(0).get("parcheggiatoIl").asText());
                assertThat(parcheggiato).as("parcheggiato tra %s e %s", primaDelGuasto, dopoIlGuasto)
                        .isBetween(primaDelGuasto.minusSeconds(2), dopoIlGuasto.plusSeconds(2));
            }
            assertThat(dallaLettura).as("eventi parcheggiati visti da Los Angeles e da Roma").isEqualTo(dalUnico);
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS guasto_scheda");
            httpUnico.post("amministratore", "/api/admin/eventi-parcheggiati/scheda/tentativi", "");
        }
        assertThat(parcheggiati(httpUnico, null)).isEmpty();
    }

    @Test
    @Order(3)
    void anAsOfReadGivesTheSameAnswerFromEitherProcess() throws Exception {
        Instant primaDellaDefinizione = Instant.now();
        String id = definisci("Riordino dell'archivio storico");
        Instant dopoLaDefinizione = Instant.now();
        attendi(() -> httpLettura.get("nucleo", "/api/obiettivi/" + id).stato() == 200
                && httpUnico.get("nucleo", "/api/obiettivi/" + id).stato() == 200, "l'obiettivo sia letto da entrambi");
        String oggi = LocalDate.now(FUSO_UNICO).toString();
        Risposta schedaLettura = httpLettura.get("nucleo", "/api/obiettivi/" + id + "?asOf=" + oggi);
        assertThat(schedaLettura.stato()).as(schedaLettura.toString()).isEqualTo(200);
        assertThat(schedaLettura.json()).isEqualTo(httpUnico.get("nucleo", "/api/obiettivi/" + id + "?asOf=" + oggi).json());
        for (ClienteHttp http : List.of(httpLettura, httpUnico)) {
            assertThat(pegAl(http, dopoLaDefinizione)).as("PEG a %s", dopoLaDefinizione).contains(id);
            assertThat(pegAl(http, primaDellaDefinizione)).as("PEG a %s", primaDellaDefinizione).doesNotContain(id);
        }
    }

    @Test
    @Order(4)
    void aRebuildAskedOfOneProcessHasTheOtherReleaseItsSegmentsThenResume() throws Exception {
        List<String> obiettivi = Verifiche.definisciObiettivi(httpUnico, anno, 3);
        attendi(() -> Verifiche.proiezioniAllaTesta(httpUnico), "le proiezioni siano alla testa");
        attendi(() -> PROIEZIONI.stream().allMatch(p -> segmenti(p, lettura.nodo()) > 0), "il processo di lettura abbia segmenti");
        Map<String, JsonNode> prima = Verifiche.letture(httpUnico, obiettivi);

        for (String proiezione : PROIEZIONI) {
            Risposta r = httpUnico.post("amministratore", "/api/admin/proiezioni/" + proiezione + "/ricostruzione", "");
            assertThat(r.stato()).as(r.toString()).isEqualTo(202);
        }
        attendi(() -> Verifiche.proiezioniAllaTesta(httpUnico), "la ricostruzione sia terminata", () -> Verifiche.stato(httpUnico));
        assertThat(Verifiche.letture(httpUnico, obiettivi)).isEqualTo(prima);
        // the other process resumes: its processors run again, it reads the rebuilt rows and takes its share back
        attendi(() -> Verifiche.proiezioniAllaTesta(httpLettura), "il processo di lettura riprenda", () -> Verifiche.stato(httpLettura));
        assertThat(Verifiche.letture(httpLettura, obiettivi)).isEqualTo(prima);
        attendi(() -> PROIEZIONI.stream().allMatch(p -> segmenti(p, lettura.nodo()) == 2 && segmenti(p, unico.nodo()) == 2),
                "i segmenti siano di nuovo divisi a metà", this::proprietari);
    }

    @Test
    @Order(5)
    void aRebuildIsRefusedWith409NamingTheOtherProcessWhenItDoesNotAnswer() throws Exception {
        List<String> obiettivi = Verifiche.definisciObiettivi(httpUnico, anno, 1);
        attendi(() -> Verifiche.proiezioniAllaTesta(httpUnico), "le proiezioni siano alla testa");
        attendi(() -> segmenti("scheda", lettura.nodo()) > 0, "il processo di lettura abbia segmenti della scheda");
        Map<String, JsonNode> prima = Verifiche.letture(httpUnico, obiettivi);

        lettura.congela();
        try {
            Risposta r = httpUnico.post("amministratore", "/api/admin/proiezioni/scheda/ricostruzione", "");
            assertThat(r.stato()).as(r.toString()).isEqualTo(409);
            assertThat(r.intestazione("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("title").asText()).isEqualTo("Ricostruzione non avviata");
            assertThat(r.json().get("detail").asText()).contains(lettura.nodo()).contains("scheda");
            assertThat(r.json().get("processi")).extracting(JsonNode::asText).containsExactly(lettura.nodo());

            // the asking process was left as it was: its processor runs, its reads answer
            JsonNode scheda = processore(httpUnico, "scheda");
            assertThat(scheda.get("running").asBoolean()).as(scheda.toString()).isTrue();
            assertThat(Verifiche.letture(httpUnico, obiettivi)).isEqualTo(prima);
            Risposta stato = httpUnico.get("amministratore", "/api/admin/proiezioni");
            assertThat(stato.json()).allSatisfy(p -> assertThat(p.get("inRicostruzione").asBoolean()).as(p.toString()).isFalse());
        } finally {
            lettura.scongela();
        }
        assertThat(Verifiche.letture(httpLettura, obiettivi)).isEqualTo(prima);
        assertThat(processore(httpLettura, "scheda").get("running").asBoolean()).isTrue();
    }

    private String definisci(String titolo) {
        Risposta r = httpUnico.post("controllo", "/api/obiettivi", ObiettivoDiProva.OBIETTIVO.formatted(anno)
                .replace("Diminuzione tempi di verifica delle SCIA", titolo));
        assertThat(r.stato()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private List<String> pegAl(ClienteHttp http, Instant istante) {
        Risposta r = http.get("nucleo", "/api/obiettivi?ente=" + URLEncoder.encode(ENTE, StandardCharsets.UTF_8) + "&anno=" + anno
                + "&asOf=" + istante);
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("obiettivi").forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }

    private static List<JsonNode> parcheggiati(ClienteHttp http, String aggregato) {
        List<JsonNode> suoi = new ArrayList<>();
        for (JsonNode p : http.get("amministratore", "/api/admin/eventi-parcheggiati?proiezione=scheda").json()) {
            if (aggregato == null || p.get("aggregato").asText().equals(aggregato)) {
                suoi.add(p);
            }
        }
        return suoi;
    }

    private static JsonNode processore(ClienteHttp http, String nome) {
        for (JsonNode p : http.get("amministratore", "/api/admin/processori").json()) {
            if (p.get("nome").asText().equals(nome)) {
                return p;
            }
        }
        throw new AssertionError("Processore " + nome + " assente");
    }

    private int segmenti(String processore, String nodo) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ? AND owner = ?",
                Integer.class, processore, nodo);
        return n == null ? 0 : n;
    }

    private String proprietari() {
        return jdbc.queryForList("SELECT processor_name, segment, owner FROM token_entry ORDER BY processor_name, segment").toString()
                + " " + jdbc.queryForList("SELECT * FROM nodo_processore");
    }

    private static void attendi(Supplier<Boolean> condizione, String cosa) throws InterruptedException {
        attendi(condizione, cosa, () -> "");
    }

    /** Waits for the condition; if it never holds, fails saying what was awaited and how things stood then. */
    private static void attendi(Supplier<Boolean> condizione, String cosa, Supplier<String> stato) throws InterruptedException {
        boolean avvenuto = Attesa.entro(ATTESA, condizione);
        assertThat(avvenuto).as("in attesa che %s %s", cosa, avvenuto ? "" : stato.get()).isTrue();
    }
}
