package it.comuni.peg.archivio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.command.demo.DemoDaRigaDiComando;
import it.comuni.peg.platform.audit.EsitoVerifica;
import it.comuni.peg.platform.audit.VerificaCatena;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.query.replay.Avanzamento;
import it.comuni.peg.query.replay.Ricostruzioni;
import it.comuni.peg.support.Attesa;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the archive that {@code ArchivioEventiTest} reads: a real event store, written by the code
 * of the commit it is run on, with the rows its projections hold afterwards. Run it on demand,
 * never in {@code ./mvnw verify} (its name matches none of Surefire's default patterns), and only
 * before a change that could alter how stored events load (a new Spring Boot, Jackson, Hibernate or
 * Axon): the archive is the old code's word on what it wrote, so new code must never regenerate it
 * to make the test pass.
 * <pre>
 * ./mvnw -pl app -am -Dtest=GeneraArchivioEventi -Dsurefire.failIfNoSpecifiedTests=false test
 * </pre>
 * (from the repository's root; {@code -am} builds the other modules from this checkout too, never
 * from whatever version of them the local Maven repository holds).
 * What it does, in a fresh database: the demo's simulated year, exactly as {@code AnnoDimostrativoTest}
 * runs it ({@code demo=true}); then, over HTTP as the users who may send them, the commands whose
 * events the demo never produces (a modifica, the end of an assignment, a rettifica) and two
 * settings of the evaluation method of the next year; it checks that every event type declared in
 * {@code shared-events} now occurs in the store. When the projections and the hash chain have
 * reached the head of the store it writes, under {@code app/src/test/resources/archivio/}, one
 * gzip-compressed JSON-lines file per table ({@link FormatoArchivio}), reads each back and compares
 * it with the database, and writes the folder's README.md with the commit, the date, the counts
 * per event type and the files' sizes. About two minutes here, most of it the simulated year.
 * <p>
 * It fails, writing nothing, if the demo refused a command, a gap-filling command is refused, a
 * declared event type is still missing, a table of the schema is neither archived nor excluded with
 * a reason ({@link FormatoArchivio}), or the projections or the chain do not reach the head within
 * two minutes; and, after writing, if a file does not read back equal to its table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class,
        properties = {"demo=true", "peg.demo.database-esterno=true"})
@ActiveProfiles("test")
@DirtiesContext
class GeneraArchivioEventi {

    static final String COMANDO = "./mvnw -pl app -am -Dtest=GeneraArchivioEventi -Dsurefire.failIfNoSpecifiedTests=false test";
    private static final String ENTE = DemoDaRigaDiComando.ENTE;
    private static final Duration ATTESA = Duration.ofSeconds(120);
    /** The person linked to the test profile's user "dirigente". */
    private static final String DIRIGENTE = "GENTILI LUCA";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
    }

    @LocalServerPort
    int porta;
    @Autowired
    DemoDaRigaDiComando demo;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Ricostruzioni ricostruzioni;
    @Autowired
    VerificaCatena verificaCatena;

    @Test
    void generaLArchivio() throws Exception {
        Path cartella = FormatoArchivio.CARTELLA.toAbsolutePath();
        assertThat(Path.of("src", "test", "java")).as("va eseguito dalla cartella del modulo app (come fa Maven)").isDirectory();

        DemoDaRigaDiComando.Resoconto demoEseguita = demo.resoconto();
        assertThat(demoEseguita.eseguita()).isTrue();
        assertThat(demoEseguita.rifiutati()).as("atti della demo rifiutati").isZero();
        attendiProiezioni();

        ClienteHttp http = new ClienteHttp(porta);
        completaITipiDiEvento(http);

        SortedSet<String> dichiarati = FormatoArchivio.tipiDiEventoDichiarati();
        SortedSet<String> presenti = new TreeSet<>(jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry", String.class));
        assertThat(dichiarati).as("tipi di evento dichiarati in shared-events").hasSizeGreaterThanOrEqualTo(14);
        assertThat(presenti).as("tipi di evento nello store").containsExactlyElementsOf(dichiarati);

        attendiProiezioni();
        attendiSigilli();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry", Long.class)).as("eventi parcheggiati").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM saga_entry", Long.class)).as("saghe").isZero();
        SortedSet<String> classificate = new TreeSet<>(FormatoArchivio.TABELLE_STORE);
        classificate.addAll(FormatoArchivio.TABELLE_PROIEZIONI);
        classificate.addAll(FormatoArchivio.TABELLE_NON_ARCHIVIATE);
        assertThat(FormatoArchivio.tabelle(jdbc))
                .as("ogni tabella dello schema è archiviata o esclusa con una ragione (FormatoArchivio)")
                .containsExactlyElementsOf(classificate);

        Files.createDirectories(cartella);
        Map<String, Integer> righePerTabella = new LinkedHashMap<>();
        for (String tabella : tutteLeTabelle()) {
            List<Map<String, Object>> righe = FormatoArchivio.righe(jdbc, tabella, null);
            Path file = cartella.resolve(tabella + ".jsonl.gz");
            FormatoArchivio.scrivi(file, righe);
            try (InputStream in = Files.newInputStream(file)) {
                rilettoUguale(tabella, FormatoArchivio.leggi(in), righe);
            }
            righePerTabella.put(tabella, righe.size());
        }
        scriviLeggimi(cartella, righePerTabella);
        System.out.println("Archivio scritto in " + cartella + ": " + righePerTabella);
    }

    /**
     * The commands whose events the demo's year never produces, on one objective of the settore led by
     * the test profile's dirigente, each as the user who may send it; two settings of the next year's
     * method, the second a new version of the first; that year's SMVP and a decision of the nucleo under it; the
     * validazione of the demo year's Relazione sulla performance.
     */
    private void completaITipiDiEvento(ClienteHttp http) {
        String id = obiettivoDelDirigente();
        List<? extends DomainEventMessage<?>> storia = eventStore.readEvents(id, 0).asStream().toList();
        ObiettivoDefinito definito = (ObiettivoDefinito) storia.get(0).getPayload();
        String percorso = "/api/obiettivi/" + id;

        // sent with If-Match and an Idempotency-Key, so that the archive holds that metadata too
        long versione = storia.get(storia.size() - 1).getSequenceNumber();
        Map<String, Object> modifica = new LinkedHashMap<>();
        modifica.put("descrizione", (definito.descrizione() == null ? "" : definito.descrizione() + " ")
                + "Integrazione: il monitoraggio dei tempi è pubblicato ogni trimestre sul sito istituzionale.");
        modifica.put("pesoIndicatori", definito.pesoIndicatori());
        modifica.put("pesoFasi", definito.pesoFasi());
        modifica.put("dupStrategico", definito.dupStrategico());
        modifica.put("dupOperativo", definito.dupOperativo());
        modifica.put("motivazione", "Descrizione integrata su richiesta del nucleo di valutazione");
        accettato(http.post("controllo", percorso + "/modifiche", json(modifica),
                Map.of("If-Match", "\"" + versione + "\"", "Idempotency-Key", "archivio-modifica-" + id)));

        PersonaAssegnata assegnata = storia.stream().map(DomainEventMessage::getPayload)
                .filter(p -> p instanceof PersonaAssegnata a && a.inizio().isBefore(a.fine()))
                .map(PersonaAssegnata.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("L'obiettivo " + id + " non ha assegnazioni da terminare"));
        LocalDate fine = assegnata.inizio().plusDays(ChronoUnit.DAYS.between(assegnata.inizio(), assegnata.fine()) / 2);
        accettato(http.post("controllo", percorso + "/persone/termine", json(Map.of("nome", assegnata.nome(), "fine", fine))));

        // the same percentage, so the cumulative rule holds; the note and the act change
        ConsuntivoRegistrato consuntivo = storia.stream().map(DomainEventMessage::getPayload)
                .filter(ConsuntivoRegistrato.class::isInstance).map(ConsuntivoRegistrato.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("L'obiettivo " + id + " non ha consuntivi da rettificare"));
        Map<String, Object> rettifica = new LinkedHashMap<>();
        rettifica.put("mese", consuntivo.mese());
        rettifica.put("svolta", consuntivo.svolta());
        rettifica.put("percentuale", consuntivo.percentuale());
        rettifica.put("note", "Nota corretta: attività svolta con il supporto dell'ufficio tecnico");
        rettifica.put("atto", "Determinazione dirigenziale n. 2871/" + DemoDaRigaDiComando.ANNO);
        rettifica.put("motivazione", "Indicato l'atto che documenta il lavoro del mese");
        accettato(http.post("dirigente", percorso + "/fasi/" + consuntivo.fase() + "/rettifiche", json(rettifica)));

        int anno = DemoDaRigaDiComando.ANNO + 1;
        accettato(http.post("nucleo", "/api/valutazione/metodo", json(Map.of("ente", ENTE, "anno", anno,
                "parametri", Map.of("penalitaMeseRitardo", new BigDecimal("5"), "fattoreNonCompletata", new BigDecimal("0.4"),
                        "tolleranzaGiorni", 15),
                "motivazione", "Sistema di misurazione e valutazione " + anno + ": proposta del nucleo"))));
        accettato(http.post("controllo", "/api/valutazione/metodo", json(Map.of("ente", ENTE, "anno", anno,
                "parametri", Map.of("penalitaMeseRitardo", new BigDecimal("7.5"), "fattoreNonCompletata", new BigDecimal("0.5"),
                        "tolleranzaGiorni", 10),
                "motivazione", "Parametri approvati dalla giunta con la delibera n. 12/" + anno))));

        // the next year's SMVP as a document (the GZOOM-like example), and a decision of the nucleo under it
        String smvp;
        try {
            smvp = Files.readString(Path.of("..", "docs", "smvp", "esempio-gzoom.yaml"))
                    .replace("ente: c_b648", "ente: " + ENTE).replace("anno: 2023", "anno: " + anno);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        accettato(http.put("nucleo", "/api/valutazione/metodo-smvp?ente=" + ENTE + "&anno=" + anno + "&inVigoreDal=01/01/" + anno
                + "&motivazione=" + java.net.URLEncoder.encode("SMVP " + anno + " adottato dalla giunta", StandardCharsets.UTF_8),
                smvp, "application/yaml"));
        accettato(http.post("nucleo", "/api/valutazione/smvp/decisioni", json(Map.of("ente", ENTE, "anno", anno, "obiettivoId", id,
                "voce", "FASE", "riferimento", "1", "tipo", "NON_VALUTABILE", "motivazione", "Fase sospesa in attesa del finanziamento"))));

        // the nucleo's validazione of the demo year's Relazione sulla performance
        accettato(http.post("nucleo", "/api/valutazione/relazione/validazione", json(Map.of("ente", ENTE, "anno", DemoDaRigaDiComando.ANNO,
                "data", LocalDate.of(DemoDaRigaDiComando.ANNO + 1, 6, 28), "atto", "Verbale del nucleo n. 4/" + (DemoDaRigaDiComando.ANNO + 1),
                "esito", "VALIDATA", "motivazione", "La Relazione espone con chiarezza i risultati degli obiettivi del PEG"))));
    }

    /** The first objective (by id) of the settore the dirigente leads, with an assignment and a consuntivo. */
    private String obiettivoDelDirigente() {
        for (String id : jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type = ? ORDER BY aggregate_identifier", String.class, ObiettivoDefinito.class.getName())) {
            List<Object> eventi = eventStore.readEvents(id, 0).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
            ObiettivoDefinito d = (ObiettivoDefinito) eventi.get(0);
            if (d.settore().responsabile() != null && d.settore().responsabile().strip().equalsIgnoreCase(DIRIGENTE)
                    && eventi.stream().anyMatch(PersonaAssegnata.class::isInstance)
                    && eventi.stream().anyMatch(ConsuntivoRegistrato.class::isInstance)) {
                return id;
            }
        }
        throw new AssertionError("Nessun obiettivo del settore di " + DIRIGENTE + " con assegnazioni e consuntivi");
    }

    private static void accettato(Risposta r) {
        assertThat(r.stato()).as(r.corpo()).isEqualTo(200);
    }

    private static String json(Object corpo) {
        try {
            return JSON.writeValueAsString(corpo);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void attendiProiezioni() throws InterruptedException {
        boolean allaTesta = Attesa.entro(ATTESA, () -> ricostruzioni.tutte().stream()
                .allMatch(a -> !a.inRicostruzione() && a.posizione() >= a.testa()));
        assertThat(allaTesta).as("proiezioni alla testa dello store: %s", ricostruzioni.tutte()).isTrue();
        for (Avanzamento a : ricostruzioni.tutte()) {
            assertThat(a.letterMorte()).as("eventi parcheggiati da %s", a.proiezione()).isZero();
        }
    }

    /** The sealer runs every 200 ms in the test profile; its chain must then verify to the head. */
    private void attendiSigilli() throws InterruptedException {
        long eventi = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        boolean sigillati = Attesa.entro(ATTESA, () -> Objects.equals(eventi, jdbc.queryForObject("SELECT COUNT(*) FROM sigillo_evento", Long.class)));
        assertThat(sigillati).as("tutti i %d eventi sigillati", eventi).isTrue();
        EsitoVerifica esito = verificaCatena.verifica();
        assertThat(esito.integra()).as("catena dei sigilli: %s", esito).isTrue();
        assertThat(esito.eventiVerificati()).isEqualTo(eventi);
    }

    private static List<String> tutteLeTabelle() {
        List<String> tabelle = new ArrayList<>(FormatoArchivio.TABELLE_STORE);
        tabelle.addAll(FormatoArchivio.TABELLE_PROIEZIONI);
        return tabelle;
    }

    /** Every value read back from the file equals the database's, binary ones byte for byte. */
    private static void rilettoUguale(String tabella, List<Map<String, Object>> riletti, List<Map<String, Object>> righe) {
        assertThat(riletti).as(tabella).hasSameSizeAs(righe);
        for (int i = 0; i < righe.size(); i++) {
            Map<String, Object> attesa = righe.get(i);
            Map<String, Object> riletta = riletti.get(i);
            assertThat(riletta.keySet()).as("%s, riga %d", tabella, i).isEqualTo(attesa.keySet());
            for (String colonna : FormatoArchivio.colonneDi(attesa)) {
                Object a = attesa.containsKey(colonna) ? attesa.get(colonna) : attesa.get(colonna + FormatoArchivio.SUFFISSO_BASE64);
                Object r = riletta.containsKey(colonna) ? riletta.get(colonna) : riletta.get(colonna + FormatoArchivio.SUFFISSO_BASE64);
                if (a instanceof Number n) {
                    assertThat(FormatoArchivio.numero(r)).as("%s, riga %d, %s", tabella, i, colonna).isEqualTo(n.longValue());
                } else {
                    assertThat(r).as("%s, riga %d, %s", tabella, i, colonna).isEqualTo(a);
                }
            }
            for (String binaria : List.of("payload", "meta_data")) {
                if (attesa.containsKey(binaria) || attesa.containsKey(binaria + FormatoArchivio.SUFFISSO_BASE64)) {
                    assertThat(Arrays.equals(FormatoArchivio.byteDi(riletta, binaria), FormatoArchivio.byteDi(attesa, binaria)))
                            .as("%s, riga %d, byte di %s", tabella, i, binaria).isTrue();
                }
            }
        }
    }

    private void scriviLeggimi(Path cartella, Map<String, Integer> righePerTabella) throws IOException, InterruptedException {
        SortedMap<String, Long> perTipo = new TreeMap<>();
        for (Map<String, Object> riga : jdbc.queryForList("SELECT payload_type AS tipo, COUNT(*) AS n FROM domain_event_entry GROUP BY payload_type")) {
            perTipo.put((String) riga.get("tipo"), ((Number) riga.get("n")).longValue());
        }
        long totale = perTipo.values().stream().mapToLong(Long::longValue).sum();
        long aggregati = jdbc.queryForObject("SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry", Long.class);
        StringBuilder md = new StringBuilder();
        md.append("# Archive of a real event store\n\n")
                .append("Written by `GeneraArchivioEventi` (app/src/test/java/it/comuni/peg/archivio) and read by `ArchivioEventiTest`,\n")
                .append("which proves that every event stored by the code below still loads with the code of today: it restores these\n")
                .append("rows byte for byte into a fresh database, reads every event through the application's serializer and\n")
                .append("upcasters, loads every aggregate, rebuilds the projections and expects exactly the rows archived here,\n")
                .append("and verifies the hash chain. **Never regenerate it with newer code to make that test pass**: the archive\n")
                .append("is the old code's word on what it wrote.\n\n")
                .append("- Written by commit `").append(commit()).append("` on ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n')
                .append("- Content: the demo's simulated year (`demo=true`, seed 2023: the PEG 2023 of the ").append(ENTE)
                .append(" imported and lived through), then, over HTTP as the users allowed to, a modifica, the end of an assignment\n")
                .append("  and a rettifica on one objective, and two versions of the evaluation method of ")
                .append(DemoDaRigaDiComando.ANNO + 1).append("; read once the projections and the hash chain\n")
                .append("  had reached the head of the store.\n")
                .append("- Regenerate (from the repository's root):\n\n")
                .append("  ```bash\n  ").append(COMANDO).append("\n  ```\n\n")
                .append("## Format\n\n")
                .append("One gzip-compressed JSON-lines file per table, one object per row, keys the column names, rows in\n")
                .append("primary-key order. Integers are JSON numbers, dates and times MariaDB's own text (`CAST(... AS CHAR)`),\n")
                .append("other text strings. `payload` and `meta_data` are the stored bytes as UTF-8 text when they decode and\n")
                .append("re-encode to exactly themselves (checked when written), otherwise base64 under `<column>_base64`.\n\n")
                .append("| file | rows | bytes |\n|---|---:|---:|\n");
        long byteTotali = 0;
        for (Map.Entry<String, Integer> t : righePerTabella.entrySet()) {
            long dimensione = Files.size(cartella.resolve(t.getKey() + ".jsonl.gz"));
            byteTotali += dimensione;
            md.append("| `").append(t.getKey()).append(".jsonl.gz` | ").append(t.getValue()).append(" | ").append(dimensione).append(" |\n");
        }
        md.append("| total | | ").append(byteTotali).append(" |\n\n")
                .append("`domain_event_entry`, `snapshot_event_entry` and `sigillo_evento` (the hash chain) are restored as they are;\n")
                .append("the other files hold the projections' rows expected after a rebuild. No projection column is left out:\n")
                .append("none holds a processing time (every date in them comes from the events). The test compares the\n")
                .append("JSON-valued ones (`documento`, `prima`, `dopo`) as JSON, key order aside: the storico writes some objects\n")
                .append("from `Map.of`, whose order changes from one JVM to the next (query-side `Narratore`).\n\n")
                .append("## Events per type\n\n")
                .append(totale).append(" events of ").append(aggregati).append(" aggregates.\n\n")
                .append("| payload type | events |\n|---|---:|\n");
        perTipo.forEach((tipo, n) -> md.append("| `").append(tipo).append("` | ").append(n).append(" |\n"));
        Files.writeString(cartella.resolve("README.md"), md.toString(), StandardCharsets.UTF_8);
    }

    /** The commit the archive was written by, marked when the working tree differed from it. */
    private static String commit() throws IOException, InterruptedException {
        String commit = git("rev-parse", "HEAD");
        String modifiche = git("status", "--porcelain", "--", ":/", ":(top,exclude)app/src/test/resources/archivio");
        return commit == null ? "unknown" : modifiche == null || modifiche.isBlank() ? commit : commit + " with uncommitted changes";
    }

    private static String git(String... argomenti) throws IOException, InterruptedException {
        String[] comando = new String[argomenti.length + 1];
        comando[0] = "git";
        System.arraycopy(argomenti, 0, comando, 1, argomenti.length);
        Process p = new ProcessBuilder(comando).redirectErrorStream(true).start();
        String uscita = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? uscita : null;
    }
}
