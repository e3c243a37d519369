package it.comuni.peg.importazione;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.EntiDiProva;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV of the PEG both ways on a real MariaDB: the real print imported, exported as CSV, the CSV
 * imported into another ente gives the same PEG through the query API; the template imports; bad
 * files get a report naming the line, or a 400 problem+json, never a 500 and never half an objective.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
// closed after the class: every test class has a context (and a pool of connections) of its own, and
// kept in the cache they exhaust the test MariaDB's connections for the classes that come after
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvPegTest {

    private static final Path STAMPA = Path.of("..", "docs", "peg",
            "capannori-2023-obiettivi-peg-straordinari.txt");
    private static final String ORIGINE = "c_origine";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
    }

    @LocalServerPort
    int porta;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntiDiProva enti;
    @Autowired
    Organigrammi organigrammi;

    ClienteHttp http;

    @BeforeAll
    void stampaImportata() throws Exception {
        http = new ClienteHttp(porta);
        // registered with an empty organigramma: the print's import builds it
        enti.registra(ORIGINE, "controllo", "dirigente", "nucleo");
        Risposta r = importa("/api/import", Files.readAllBytes(STAMPA), ORIGINE, 2023);
        assertThat(r.stato()).as(r.corpo()).isEqualTo(200);
        attendiProiezione(ORIGINE, 2023, 41);
    }

    @Test
    void exportedAndReimportedElsewhereGivesTheSamePeg() {
        long inizio = System.nanoTime();
        Risposta esportato = http.get("nucleo", "/api/peg/2023/csv?ente=" + q(ORIGINE));
        assertThat(esportato.stato()).as(esportato.corpo()).isEqualTo(200);
        assertThat(esportato.intestazione("Content-Type")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(esportato.intestazione("Content-Disposition")).startsWith("attachment").contains("peg-2023-c_origine.csv");
        assertThat(esportato.corpo()).startsWith("\uFEFFtipo;chiave;anno;titolo;");
        byte[] csv = esportato.corpo().getBytes(StandardCharsets.UTF_8);

        enti.registra("c_destinazione", "controllo", "nucleo");
        Risposta importato = importa("/api/import/csv", csv, "c_destinazione", 2023);
        assertThat(importato.stato()).as(importato.corpo()).isEqualTo(200);
        JsonNode esito = importato.json();
        assertThat(esito.get("obiettivi").asInt()).isEqualTo(41);
        assertThat(esito.get("nuovi").asInt()).isEqualTo(41);
        assertThat(esito.get("fasi").asInt()).isEqualTo(184);
        // 271 rows of the print, one person printed twice for the same period: one assignment
        assertThat(esito.get("assegnazioni").asInt()).isEqualTo(270);
        assertThat(esito.get("persone").asInt()).isEqualTo(176);
        // nothing but what it had to guess of the organigramma: strutture and persone it lacked, the
        // responsabili written in the file as incarichi, the strutture the file names no responsabile for
        assertThat(tipi(esito)).as(esito.toString()).containsExactlyInAnyOrder("STRUTTURE_ISTITUITE", "IDENTIFICATIVI_PROVVISORI",
                "INCARICO_DALLA_STAMPA", "STRUTTURA_VACANTE");
        // the strutture of the objectives, the persone of their staff and their responsabili: the origin's, by the same
        // identificativi; but for URESID, which has no objective in the print: a CSV (of objectives) carries neither it
        // nor its responsabile
        assertThat(esito.get("organigramma").toString()).isEqualTo("{\"strutture\":30,\"persone\":176,\"incarichi\":27}");
        assertThat(organigrammi.persone("c_destinazione")).hasSize(176).containsExactlyInAnyOrderElementsOf(organigrammi.persone(ORIGINE)
                .stream().filter(p -> !p.identificativo().equals("ROCCHILUIGI")).toList());
        assertThat(organigrammi.struttura("c_destinazione", "URESID")).isEmpty();
        assertThat(organigrammi.incarichi("c_destinazione", "SASTER")).singleElement()
                .satisfies(i -> assertThat(i.persona()).isEqualTo("GENTILILUCA"));
        System.out.println("Esportazione e reimportazione CSV del PEG reale: " + (System.nanoTime() - inizio) / 1_000_000 + " ms");

        attendiProiezione("c_destinazione", 2023, 41);
        List<JsonNode> origine = schede(ORIGINE, 2023);
        List<JsonNode> destinazione = schede("c_destinazione", 2023);
        assertThat(destinazione).hasSize(41);
        for (int i = 0; i < origine.size(); i++) {
            assertThat(destinazione.get(i)).as(origine.get(i).get("titolo").asText()).isEqualTo(origine.get(i));
        }
        // a sample that the comparison compares something: weights, DUP, people, phases with their months
        JsonNode primo = origine.stream().filter(s -> s.get("titolo").asText().startsWith("Diminuzione tempi")).findFirst().orElseThrow();
        assertThat(primo.get("pesoFasi").asDouble()).isEqualTo(50.0);
        assertThat(primo.get("dupOperativo").get("codice").asText()).isNotBlank();
        assertThat(primo.get("persone").size()).isPositive();
        assertThat(primo.get("fasi").get(0).get("previsto").size()).isPositive();

        // the same file again, or into the ente the print came from: the same ids, nothing appended
        long eventi = eventi();
        assertThat(importa("/api/import/csv", csv, "c_destinazione", 2023).json().get("giaPresenti").asInt()).isEqualTo(41);
        JsonNode nellOrigine = importa("/api/import/csv", csv, ORIGINE, 2023).json();
        assertThat(nellOrigine.get("giaPresenti").asInt()).isEqualTo(41);
        assertThat(nellOrigine.get("organigramma").toString()).isEqualTo("{\"strutture\":0,\"persone\":0,\"incarichi\":0}");
        assertThat(eventi()).isEqualTo(eventi);
        // and the second PEG exports to the very same file
        assertThat(http.get("controllo", "/api/peg/2023/csv?ente=" + q("c_destinazione")).corpo()).isEqualTo(esportato.corpo());
    }

    @Test
    void theTemplateImportsAndAnotherYearMovesTheDates() {
        Risposta modello = http.get("controllo", "/api/peg/csv/modello");
        assertThat(modello.stato()).isEqualTo(200);
        assertThat(modello.intestazione("Content-Disposition")).contains("peg-modello.csv");
        int anno = LocalDate.now(ZoneId.of("Europe/Rome")).getYear();
        enti.registra("c_modello", "controllo", "nucleo");
        Risposta r = importa("/api/import/csv", modello.corpo().getBytes(StandardCharsets.UTF_8), "c_modello", anno);
        assertThat(r.stato()).as(r.corpo()).isEqualTo(200);
        assertThat(r.json().get("nuovi").asInt()).as(r.corpo()).isEqualTo(1);
        attendiProiezione("c_modello", anno, 1);
        JsonNode s = schede("c_modello", anno).get(0);
        assertThat(s.get("indicatori").get(0).get("valoreAtteso").decimalValue()).isEqualByComparingTo("28.5");
        assertThat(s.get("indicatori").get(0).get("direzione").asText()).isEqualTo("DECRESCENTE");
        assertThat(s.get("fasi").get(1).get("previstoEsplicito").asBoolean()).isTrue();
        assertThat(s.get("fasi").get(1).get("previsto").toString()).isEqualTo("[\"%1$d-04\",\"%1$d-05\",\"%1$d-06\",\"%1$d-09\",\"%1$d-10\",\"%1$d-11\",\"%1$d-12\"]".formatted(anno));

        // written for 2023, imported into 2024: dates and marked months move one year
        String csv = """
                tipo;chiave;anno;titolo;settore;peso_indicatori;peso_fasi;numero;nome;inizio;fine;mesi_previsti
                OBIETTIVO;A;2023;Censimento degli impianti sportivi;SSPORT;40;60;;;;;
                PERSONA;A;;;;;;;Bianchi Anna;01/03/2023;2023-12-31;
                FASE;A;;Sopralluoghi;;;;1;;01/02/2023;31/05/2023;feb mar 5
                """;
        enti.registra("c_spostato", "controllo", "nucleo");
        Risposta spostato = importa("/api/import/csv", csv.getBytes(StandardCharsets.UTF_8), "c_spostato", 2024);
        assertThat(spostato.stato()).as(spostato.corpo()).isEqualTo(200);
        // SSPORT and Bianchi Anna are new to the organigramma: instituted and registered, reported; no responsabile: vacant
        assertThat(tipi(spostato.json())).containsExactlyInAnyOrder("DATE_SPOSTATE", "STRUTTURE_ISTITUITE", "IDENTIFICATIVI_PROVVISORI",
                "STRUTTURA_VACANTE");
        assertThat(organigrammi.struttura("c_spostato", "SSPORT")).get().satisfies(struttura -> {
            assertThat(struttura.nome()).isEqualTo("SSPORT");
            assertThat(struttura.dal()).isEqualTo(LocalDate.of(2024, 1, 1));
        });
        assertThat(organigrammi.persona("c_spostato", "BIANCHIANNA")).isPresent();
        attendiProiezione("c_spostato", 2024, 1);
        JsonNode sp = schede("c_spostato", 2024).get(0);
        assertThat(sp.get("persone").get(0).get("periodi").get(0).get("inizio").asText()).isEqualTo("2024-03-01");
        assertThat(sp.get("fasi").get(0).get("fine").asText()).isEqualTo("2024-05-31");
        assertThat(sp.get("fasi").get(0).get("previsto").toString()).isEqualTo("[\"2024-02\",\"2024-03\",\"2024-05\"]");
    }

    @Test
    void malformedFilesGetAReportOrA400WithTheLineNeverHalfAnObjective() {
        long eventiPrima = eventi();
        String buono = """
                \uFEFFTipo;Chiave;Titolo;Descrizione;Settore;Peso indicatori;Peso fasi;numero;nome;inizio;fine;colore\r
                OBIETTIVO;OB1;Sportello unico digitale;"Prima riga; con punto e virgola\r
                seconda riga con \"\"virgolette\"\"\";SSEGEN;49,5;50,5;;;;;rosso\r
                FASE;OB1;Analisi;;;;;1;;01/01/2023;31/03/2023;\r
                FASE;ob1;Avvio;;;;;2;;2023-04-01;2023-12-31;\r
                OBIETTIVO;OB2;Data impossibile;;SSEGEN;50;50;;;;;\r
                FASE;OB2;Analisi;;;;;1;;01/01/2023;31/02/2023;\r
                OBIETTIVO;OB3;Pesi oltre cento;;SSEGEN;90;50;;;;;\r
                PERSONA;OB4;;;;;;;ROSSI MARIO;;;\r
                ;;;;;;;;;;;\r
                OBIETTIVO;OB5;Fase ripetuta;;SSEGEN;50;50;;;;;\r
                FASE;OB5;Uno;;;;;1;;;;\r
                FASE;OB5;Ancora uno;;;;;1;;;;\r
                """;
        Risposta r = importa("/api/import/csv", buono.getBytes(StandardCharsets.UTF_8), "c_prova", 2023);
        assertThat(r.stato()).as(r.corpo()).isEqualTo(200);
        JsonNode esito = r.json();
        assertThat(esito.get("obiettivi").asInt()).isEqualTo(4);
        assertThat(esito.get("nuovi").asInt()).isEqualTo(1);
        List<String> avvisi = new ArrayList<>();
        esito.get("avvisi").forEach(a -> avvisi.add(a.get("riga").asInt() + " " + a.get("tipo").asText() + " " + a.get("messaggio").asText()));
        assertThat(avvisi).hasSize(5);
        assertThat(avvisi.get(0)).startsWith("1 COLONNA_SCONOSCIUTA").contains("colore");
        assertThat(avvisi.get(1)).startsWith("6 OBIETTIVO_ILLEGGIBILE").contains("riga 7").contains("31/02/2023");
        assertThat(avvisi.get(2)).startsWith("8 OBIETTIVO_ILLEGGIBILE").contains("riga 8").contains("140");
        assertThat(avvisi.get(3)).startsWith("9 CHIAVE_SENZA_OBIETTIVO").contains("OB4");
        assertThat(avvisi.get(4)).startsWith("11 OBIETTIVO_ILLEGGIBILE").contains("riga 13").contains("fase 1");
        // only the whole objective: its definition and its two phases
        assertThat(eventi() - eventiPrima).isEqualTo(3);
        attendiProiezione("c_prova", 2023, 1);
        JsonNode s = schede("c_prova", 2023).get(0);
        assertThat(s.get("descrizione").asText()).contains("con punto e virgola").contains("\"virgolette\"").contains("\n");
        assertThat(s.get("pesoIndicatori").decimalValue()).isEqualByComparingTo("49.5");
        assertThat(s.get("fasi")).hasSize(2);

        // Excel's plain "CSV" on Windows: Windows-1252, read and reported
        byte[] windows = "tipo;chiave;titolo;settore;peso_indicatori;peso_fasi\nOBIETTIVO;W;Qualità dell'aria;SAMB;50;50\n"
                .getBytes(Charset.forName("windows-1252"));
        enti.registra("c_windows", "controllo", "nucleo");
        Risposta w = importa("/api/import/csv", windows, "c_windows", 2023);
        assertThat(w.stato()).as(w.corpo()).isEqualTo(200);
        assertThat(tipi(w.json())).containsExactly("CODIFICA_NON_UTF8", "STRUTTURA_VACANTE", "STRUTTURE_ISTITUITE");
        attendiProiezione("c_windows", 2023, 1);
        assertThat(schede("c_windows", 2023).get(0).get("titolo").asText()).isEqualTo("Qualità dell'aria");

        long eventi = eventi();
        problema(importa("/api/import/csv", new byte[0], "c_prova", 2023), 0, "vuoto");
        problema(importa("/api/import/csv", new byte[]{'P', 'K', 3, 4, 0, 0, '\n'}, "c_prova", 2023), 1, "non è testo");
        problema(importa("/api/import/csv", "titolo;settore\nX;Y\n".getBytes(StandardCharsets.UTF_8), "c_prova", 2023), 1, "tipo");
        // a one-line file of 3 MB is read as a header without "tipo" and "chiave": the refusal quotes its first
        // 200 characters, not the whole line
        String rigaSola = "colonna;".repeat(3 * 1024 * 1024 / 8);
        Risposta enorme = importa("/api/import/csv", rigaSola.getBytes(StandardCharsets.UTF_8), "c_prova", 2023);
        problema(enorme, 1, "trovate: " + rigaSola.substring(0, 200).replace(";", ", ").substring(0, 200) + "…");
        assertThat(enorme.corpo().length()).as("la risposta a un'intestazione di 3 MB").isLessThan(2_000);
        problema(importa("/api/import/csv", "tipo;chiave;titolo\nOBIETTIVO;Z;ok\nOBIETTIVO;Y;\"mai chiuso\nFASE;Y;x\n"
                .getBytes(StandardCharsets.UTF_8), "c_prova", 2023), 3, "virgolette");
        problema(importa("/api/import/csv", buono.getBytes(StandardCharsets.UTF_8), "c_prova", 1999), null, "anno");
        assertThat(importa("/api/import/csv", buono.getBytes(StandardCharsets.UTF_8), "c_prova", 2023, "dirigente").stato()).isEqualTo(403);
        assertThat(eventi()).isEqualTo(eventi);
    }

    @Test
    void theEvaluationForPublication() {
        String ente = q(ORIGINE);
        Risposta obiettivi = http.get("nucleo", "/api/peg/2023/valutazione.csv?ente=" + ente + "&al=2023-12-31");
        assertThat(obiettivi.stato()).as(obiettivi.corpo()).isEqualTo(200);
        assertThat(obiettivi.intestazione("Content-Type")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(obiettivi.intestazione("Content-Disposition")).startsWith("attachment").contains("valutazione-2023-c_origine.csv");
        List<String> righe = righe(obiettivi.corpo());
        assertThat(righe.get(0)).startsWith("\uFEFFsettore;settore_nome;ufficio;ufficio_nome;titolo;al;");
        assertThat(righe).hasSize(42);
        assertThat(righe.get(1)).contains(";31/12/2023;").doesNotContain(idDi(ORIGINE));

        Risposta settori = http.get("dirigente", "/api/peg/2023/valutazione/settori.csv?ente=" + ente + "&al=2023-12-31");
        assertThat(settori.stato()).isEqualTo(200);
        List<String> rs = righe(settori.corpo());
        assertThat(rs.stream().filter(x -> x.startsWith("SETTORE;"))).hasSize(7);
        assertThat(rs.stream().filter(x -> x.startsWith("UFFICIO;"))).isNotEmpty();

        Risposta persone = http.get("controllo", "/api/peg/2023/valutazione/persone.csv?ente=" + ente + "&al=2023-12-31");
        assertThat(persone.stato()).isEqualTo(200);
        List<String> rp = righe(persone.corpo());
        assertThat(rp.get(0)).isEqualTo("\uFEFFnome;al;obiettivi;giorni_assegnazione;grado_raggiungimento;dettaglio");
        assertThat(rp).hasSize(1 + 176);
        assertThat(http.get(null, "/api/peg/2023/valutazione/persone.csv?ente=" + ente).stato()).isEqualTo(401);
        // ops has no role in any ente: the ente's PEG is not there for it
        assertThat(http.get("ops", "/api/peg/2023/csv?ente=" + ente).stato()).isEqualTo(404);
    }

    // ---- helpers ----

    private Risposta importa(String percorso, byte[] file, String ente, int anno) {
        return importa(percorso, file, ente, anno, "controllo");
    }

    private Risposta importa(String percorso, byte[] file, String ente, int anno, String utente) {
        return http.postFile(utente, percorso + "?ente=" + q(ente) + "&anno=" + anno, "peg.csv", "text/csv", file, Map.of());
    }

    private static void problema(Risposta r, Integer riga, String testo) {
        assertThat(r.stato()).as(r.corpo()).isEqualTo(400);
        assertThat(r.intestazione("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains(testo);
        if (riga != null) {
            assertThat(r.json().get("riga").asInt()).as(r.corpo()).isEqualTo(riga);
        }
    }

    /** Every scheda of a PEG without what tells two PEGs apart by construction, sorted the same way. */
    private List<JsonNode> schede(String ente, int anno) {
        List<JsonNode> schede = new ArrayList<>();
        for (JsonNode voce : http.get("nucleo", "/api/obiettivi?ente=" + q(ente) + "&anno=" + anno).json().get("obiettivi")) {
            ObjectNode s = (ObjectNode) http.get("nucleo", "/api/obiettivi/" + voce.get("id").asText()).json();
            s.remove(List.of("id", "ente", "anno", "versione", "definitoIl", "aggiornatoIl", "stato", "statoAl"));
            schede.add(s);
        }
        schede.sort(Comparator.comparing((JsonNode s) -> s.get("settore").get("codice").asText())
                .thenComparing(s -> s.path("ufficio").path("codice").asText())
                .thenComparing(s -> s.get("titolo").asText())
                .thenComparing(JsonNode::toString));
        return schede;
    }

    private String idDi(String ente) {
        return http.get("nucleo", "/api/obiettivi?ente=" + q(ente) + "&anno=2023").json().get("obiettivi").get(0).get("id").asText();
    }

    /** The projection is asynchronous: wait until it holds every event of the ente's objectives. */
    private void attendiProiezione(String ente, int anno, int obiettivi) {
        attendi(() -> {
            Risposta r = http.get("nucleo", "/api/obiettivi?ente=" + q(ente) + "&anno=" + anno);
            if (r.stato() != 200 || r.json().get("obiettivi").size() != obiettivi) {
                return false;
            }
            long versioni = 0;
            Set<String> ids = new HashSet<>();
            for (JsonNode v : r.json().get("obiettivi")) {
                versioni += v.get("versione").asLong();
                ids.add(v.get("id").asText());
            }
            long eventi = ids.stream().mapToLong(id -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id)).sum();
            // versione is the last sequence number: one less than the events of each objective
            return versioni + ids.size() == eventi;
        }, "la proiezione di " + ente);
    }

    private static void attendi(BooleanSupplier condizione, String cosa) {
        long limite = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < limite) {
            if (condizione.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Non raggiunta in 60 s: " + cosa);
    }

    private long eventi() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private static List<String> righe(String csv) {
        return List.of(csv.split("\r\n"));
    }

    private static Set<String> tipi(JsonNode esito) {
        Set<String> tipi = new java.util.LinkedHashSet<>();
        esito.get("avvisi").forEach(a -> tipi.add(a.get("tipo").asText()));
        return tipi;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
