package it.comuni.peg;

import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.platform.audit.CatenaInBlocco;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.platform.test.TsaDiProva;
import it.comuni.peg.support.SessioneWeb;
import it.comuni.peg.web.stampa.StampaController;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts against tampering done directly in MariaDB by someone who holds the database but not the
 * signing key: a changed payload byte, a deleted event, an inserted one, an old event rewritten with
 * the whole chain of seals recomputed after it (which the chain alone cannot see), and an older backup
 * restored over a newer store. Each is detected against the receipts issued before it, and located:
 * which receipt fails and which event (global index, aggregate, sequence, type); a receipt issued
 * before the tampered event still verifies. Every checkpoint is timestamped by a real RFC 3161
 * authority on loopback; the key is generated at start in a folder of the test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
@AutoConfigureMetrics
@DirtiesContext
class RicevuteFirmateTest {

    private static final TsaDiProva TSA = TsaDiProva.avvia();
    private static Path cartella;

    @DynamicPropertySource
    static void proprieta(DynamicPropertyRegistry registry) throws Exception {
        MariaDbDiTest.registra(registry);
        cartella = Files.createTempDirectory(Path.of("target"), "ricevute");
        registry.add("peg.audit.firma.chiave", () -> cartella.resolve("firma/chiave.pem").toString());
        registry.add("peg.audit.firma.genera", () -> "true");
        registry.add("peg.audit.checkpoint.esportazione", () -> cartella.resolve("checkpoint").toString());
        registry.add("peg.audit.tsa.url", TSA::url);
    }

    @AfterAll
    static void fermaTsa() {
        TSA.close();
    }

    @LocalServerPort
    int porta;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transazioni;

    ClienteHttp http;

    @BeforeEach
    void client() {
        http = new ClienteHttp(porta);
    }

    @Test
    void everyTamperingIsDetectedAgainstEarlierReceiptsAndLocated() throws Exception {
        assertThat(cartella.resolve("firma/chiave.pem")).as("generated at start, outside the database").exists();
        String primo = scriviStoria(3);
        String r0 = ricevutaAdesso();
        String secondo = scriviStoria(4);
        String r1 = ricevutaAdesso();
        assertThat(verifica(r0, r1).get("integra").asBoolean()).isTrue();
        long terzo = indice(secondo, 2);

        // (a) one byte of a payload
        Map<String, Object> originale = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", terzo);
        byte[] payload = ((byte[]) originale.get("payload")).clone();
        payload[payload.length / 2] ^= 1;
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, terzo);
        JsonNode esito = verifica(r0, r1);
        assertPrimaValidaSecondaLocalizzata(esito, "ALTERATO", terzo, secondo, 2, "FasePianificata");
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", originale.get("payload"), terzo);
        assertThat(verifica(r0, r1).get("integra").asBoolean()).isTrue();

        // (b) a deleted event: known from the exported checkpoint only
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", terzo);
        assertPrimaValidaSecondaLocalizzata(verifica(r0, r1), "MANCANTE", terzo, secondo, 2, "FasePianificata");
        reinserisci(originale);
        assertThat(verifica(r0, r1).get("integra").asBoolean()).isTrue();

        // (d) an old event rewritten and every seal after it recomputed: the chain alone holds, the receipt does not
        byte[] metadati = new String((byte[]) originale.get("meta_data")).replace("\"controllo\"", "\"nucleo\"").getBytes();
        new TransactionTemplate(transazioni).executeWithoutResult(t -> {
            jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", metadati, terzo);
            ricalcolaSigilliDa(terzo);
        });
        Risposta catena = http.get("amministratore", "/api/audit/verifica");
        assertThat(catena.json().get("integra").asBoolean()).as("the recomputed chain fools the chain alone").isTrue();
        esito = verifica(r0, r1);
        assertPrimaValidaSecondaLocalizzata(esito, "ALTERATO", terzo, secondo, 2, "FasePianificata");
        assertThat(esito.get("catena").get("integra").asBoolean()).isTrue();
        new TransactionTemplate(transazioni).executeWithoutResult(t -> {
            jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", originale.get("meta_data"), terzo);
            ricalcolaSigilliDa(terzo);
        });
        assertThat(verifica(r0, r1).get("integra").asBoolean()).isTrue();

        // (c) an event slipped into a hole of the global index below a receipt's index
        jdbc.queryForObject("SELECT NEXTVAL(domain_event_entry_seq)", Long.class);
        Long buco = jdbc.queryForObject("SELECT NEXTVAL(domain_event_entry_seq)", Long.class);
        String terzoObiettivo = scriviStoria(2);
        String r2 = ricevutaAdesso();
        assertThat(JsonDi(r2).get("indice").asLong()).as("sealed past the hole").isGreaterThan(buco);
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                buco, "falso-" + buco, primo, 99, originale.get("type"), originale.get("time_stamp"),
                originale.get("payload_type"), null, originale.get("payload"), originale.get("meta_data"));
        esito = verifica(r1, r2);
        assertThat(esito.get("ricevute").get(0).get("valida").asBoolean()).as(esito.toString()).isTrue();
        assertLocalizzata(esito.get("ricevute").get(1), "INSERITO", buco, primo, 99, "FasePianificata");
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", buco);
        assertThat(verifica(r0, r1, r2).get("integra").asBoolean()).isTrue();

        // (e) an older backup restored over a newer store (events, seals and checkpoints alike)
        List<String> tabelle = List.of("domain_event_entry", "sigillo_evento", "checkpoint_firmato");
        tabelle.forEach(t -> jdbc.execute("CREATE TABLE copia_" + t + " AS SELECT * FROM " + t));
        String quarto = scriviStoria(2);
        String r3 = ricevutaAdesso();
        long primoDopoLaCopia = indice(quarto, 0);
        new TransactionTemplate(transazioni).executeWithoutResult(t -> tabelle.forEach(tab -> {
            jdbc.update("DELETE FROM " + tab);
            jdbc.update("INSERT INTO " + tab + " SELECT * FROM copia_" + tab);
        }));
        esito = verifica(r2, r3);
        assertThat(esito.get("ricevute").get(0).get("valida").asBoolean()).as(esito.toString()).isTrue();
        JsonNode fallita = esito.get("ricevute").get(1);
        assertThat(fallita.get("posizione").asInt()).isEqualTo(2);
        assertLocalizzata(fallita, "MANCANTE", primoDopoLaCopia, quarto, 0, "ObiettivoDefinito");
        assertThat(fallita.get("messaggio").asText()).contains("non è più nell'archivio");
        tabelle.forEach(t -> jdbc.execute("DROP TABLE copia_" + t));

        // every checkpoint was timestamped by the authority, and every verification checked the token
        assertThat(TSA.marcheRilasciate()).isGreaterThanOrEqualTo(4);
        esito.get("ricevute").forEach(r -> assertThat(r.get("marcaTemporaleIl").asText()).isNotBlank());
        assertThat(terzoObiettivo).isNotBlank();
    }

    @Test
    void badReceiptsAreItalianProblemsNeverA500() throws Exception {
        scriviStoria(2);
        String r = ricevutaAdesso();
        Risposta malformata = http.post("amministratore", "/api/audit/ricevute/verifica", "{non json");
        assertProblema(malformata, 400, "non è una ricevuta");
        Risposta campo = http.post("amministratore", "/api/audit/ricevute/verifica", r.replaceFirst("\"hash\":\"[0-9a-f]", "\"hash\":\"Z"));
        assertProblema(campo, 400, "64 cifre esadecimali");
        // a hash changed by hand: still well formed, but no longer what was signed
        String hash = JsonDi(r).get("hash").asText();
        String falsa = r.replace(hash, hash.substring(0, 63) + (hash.endsWith("0") ? "1" : "0"));
        Risposta nonAutentica = http.post("amministratore", "/api/audit/ricevute/verifica", "[" + r + "," + falsa + "]");
        assertProblema(nonAutentica, 422, "La ricevuta n. 2");
        assertThat(nonAutentica.json().get("type").asText()).isEqualTo("urn:peg:problema:ricevuta-non-autentica");
        assertProblema(http.post("amministratore", "/api/audit/ricevute/verifica", "[]"), 400, "Nessuna ricevuta");
        // the nucleo of an ente verifies too, without learning other enti's aggregates; a dirigente may not
        assertThat(http.post("nucleo", "/api/audit/ricevute/verifica?ente=c_prova", r).stato()).isEqualTo(200);
        assertThat(http.post("dirigente", "/api/audit/ricevute/verifica?ente=c_prova", r).stato()).isEqualTo(403);
        // ops can alert on the age of the last checkpoint
        assertThat(http.get("ops", "/actuator/prometheus").corpo()).contains("peg_checkpoint_eta_secondi")
                .containsPattern("peg_checkpoint_total\\{[^}]*motivo=\"(richiesta|intervallo|atto)\"");
    }

    @Test
    void aPrintCarriesItsReceiptInTextJsonAndPdfMetadata() throws Exception {
        String id = scriviStoria(2);
        SessioneWeb controllo = new SessioneWeb(porta, "controllo");
        // the print reads the scheda projection, which follows the commands asynchronously
        assertThat(it.comuni.peg.support.Attesa.entro(java.time.Duration.ofSeconds(30),
                () -> controllo.leggi("/stampa/obiettivi/" + id).stato() == 200)).as("la scheda proiettata").isTrue();
        String html = controllo.leggi("/stampa/obiettivi/" + id).corpo();
        assertThat(html).contains("Ricevuta di integrità").contains("la catena dei sigilli terminava con").contains("di indice globale")
                .contains("id=\"ricevuta-json\"");
        try (PDDocument pdf = Loader.loadPDF(controllo.scarica("/stampa/obiettivi/" + id + "/pdf"))) {
            String ricevuta = pdf.getDocumentInformation().getCustomMetadataValue(StampaController.METADATO_RICEVUTA);
            assertThat(ricevuta).isNotNull();
            assertThat(JsonDi(ricevuta).get("indice").asLong()).isGreaterThanOrEqualTo(indice(id, 1));
            assertThat(verifica(ricevuta).get("integra").asBoolean()).isTrue();
        }
        // the exported checkpoints are listed and downloadable
        Risposta elenco = http.get("amministratore", "/api/audit/checkpoint/esportati");
        assertThat(elenco.json().size()).isPositive();
        Risposta file = http.get("amministratore", "/api/audit/checkpoint/esportati/" + elenco.json().get(0).asText());
        assertThat(file.stato()).isEqualTo(200);
        assertThat(file.json().get("eventi").size()).isPositive();
        assertThat(http.get("amministratore", "/api/audit/checkpoint/esportati/nessuno.json").stato()).isEqualTo(404);
    }

    private String scriviStoria(int fasi) {
        return CatenaAuditTest.scriviStoria(http, fasi);
    }

    private String ricevutaAdesso() {
        Risposta r = http.get("amministratore", "/api/audit/ricevute/adesso");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        return r.corpo();
    }

    private JsonNode verifica(String... ricevute) {
        Risposta r = http.post("amministratore", "/api/audit/ricevute/verifica", "[" + String.join(",", ricevute) + "]");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode JsonDi(String testo) {
        return new tools.jackson.databind.ObjectMapper().readTree(testo);
    }

    private long indice(String id, int sequenza) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class, id, sequenza);
    }

    private void assertPrimaValidaSecondaLocalizzata(JsonNode esito, String tipo, long indice, String aggregato, long sequenza,
                                                     String tipoEvento) {
        assertThat(esito.get("integra").asBoolean()).as(esito.toString()).isFalse();
        assertThat(esito.get("ricevute").get(0).get("valida").asBoolean()).as("issued before the event: " + esito).isTrue();
        JsonNode seconda = esito.get("ricevute").get(1);
        assertThat(seconda.get("posizione").asInt()).isEqualTo(2);
        assertLocalizzata(seconda, tipo, indice, aggregato, sequenza, tipoEvento);
    }

    private static void assertLocalizzata(JsonNode ricevuta, String tipo, long indice, String aggregato, long sequenza, String tipoEvento) {
        assertThat(ricevuta.get("valida").asBoolean()).as(ricevuta.toString()).isFalse();
        JsonNode evento = ricevuta.get("evento");
        assertThat(evento).as(ricevuta.toString()).isNotNull();
        assertThat(evento.get("tipo").asText()).as(ricevuta.toString()).isEqualTo(tipo);
        assertThat(evento.get("globalIndex").asLong()).isEqualTo(indice);
        assertThat(evento.get("aggregato").asText()).isEqualTo(aggregato);
        assertThat(evento.get("sequenza").asLong()).isEqualTo(sequenza);
        assertThat(evento.get("tipoEvento").asText()).endsWith("." + tipoEvento);
    }

    private static void assertProblema(Risposta r, int stato, String dettaglio) {
        assertThat(r.stato()).as(r.toString()).isEqualTo(stato);
        assertThat(r.intestazione("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains(dettaglio);
    }

    private void reinserisci(Map<String, Object> riga) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                riga.get("global_index"), riga.get("event_identifier"), riga.get("aggregate_identifier"), riga.get("sequence_number"),
                riga.get("type"), riga.get("time_stamp"), riga.get("payload_type"), riga.get("payload_revision"), riga.get("payload"),
                riga.get("meta_data"));
    }

    /** What whoever holds the database can do: recompute every seal from {@code da} on with the chain's own hashing. */
    private void ricalcolaSigilliDa(long da) {
        String precedente = jdbc.queryForList("SELECT hash FROM sigillo_evento WHERE global_index < ? ORDER BY global_index DESC LIMIT 1",
                String.class, da).stream().findFirst().orElse(null);
        CatenaInBlocco catena = CatenaInBlocco.dopo(precedente);
        jdbc.query("SELECT * FROM domain_event_entry WHERE global_index >= ? AND global_index <= (SELECT MAX(global_index) FROM sigillo_evento)"
                + " ORDER BY global_index FOR UPDATE", rs -> {
            String prima = catena.ultimo();
            String hash = catena.sigilla(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"), rs.getString("type"), rs.getString("payload_type"), rs.getString("payload_revision"),
                    rs.getString("time_stamp"), rs.getBytes("payload"), rs.getBytes("meta_data"));
            jdbc.update("UPDATE sigillo_evento SET hash = ?, hash_precedente = ? WHERE global_index = ?", hash, prima,
                    rs.getLong("global_index"));
        }, da);
    }
}
