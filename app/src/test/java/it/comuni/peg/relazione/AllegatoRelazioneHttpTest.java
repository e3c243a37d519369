package it.comuni.peg.relazione;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.LetturaDocumenti;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annex of the Relazione sulla performance of 2023, from one objective recorded through the API (a
 * rimodulata phase, a consuntivo recorded long after its month, atti, two indicators, a person) scored
 * under the GZOOM-like example SMVP, generated as PDF/A and as DOCX and read back with PDFBox and POI;
 * the nucleo's validazione of the Relazione; bad requests as Italian problem+json. The configuration is
 * ValutazioneSmvpHttpTest's, so the two share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class AllegatoRelazioneHttpTest {

    private static final Pattern DATA_ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PUNTO_DECIMALE = Pattern.compile("\\d\\.\\d");
    private static final String MOTIVAZIONE_RIMODULAZIONE = "Nomina del gruppo di lavoro arrivata ad aprile";

    private static final java.time.ZoneId ROMA = java.time.ZoneId.of("Europe/Rome");

    /** Today in Italy as the documents write it. */
    static String oggi() {
        return LocalDate.now(ROMA).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    EntiDiProva enti;

    ClienteHttp http;

    /**
     * Phase 1 planned 01/01–31/03/2023, rimodulata to 31/05/2023, completed 10/05/2023 (in time under the new
     * plan: 100); phase 2 01/01–31/12/2023, 60% in June's consuntivo recorded today (late), not completed
     * (60 × 0,5 = 30); SCIA-GG target 28 days, lower is better, last value 20 (capped: 100); CER-ATTO yes (100).
     * Phases (100 + 30) / 2 = 65, indicators 100: 50% × 65 + 50% × 100 = 82,5.
     */
    String obiettivo(String ente) throws InterruptedException {
        Risposta creato = http.post("controllo", "/api/obiettivi", """
                {"ente":"%s","anno":2023,"titolo":"Diminuzione tempi di verifica delle SCIA",
                 "settore":{"codice":"SASTER","nome":"ASSETTO E GESTIONE DEL TERRITORIO","responsabile":"GENTILI LUCA"},
                 "ufficio":{"codice":"UEDPRI","nome":"EDILIZIA PRIVATA","responsabile":"DEL FRATE GIOVANNI"},
                 "pesoIndicatori":50,"pesoFasi":50}""".formatted(ente));
        assertThat(creato.stato()).as(creato.toString()).isEqualTo(201);
        String id = creato.json().get("id").asString();
        String base = "/api/obiettivi/" + id;
        List<Risposta> risposte = List.of(
                http.post("controllo", base + "/persone", "{\"nome\":\"VERDI LUCA\",\"categoria\":\"Categoria C\",\"ruolo\":\"Istruttore\","
                        + "\"inizio\":\"2023-01-01\",\"fine\":\"2023-12-31\"}"),
                http.post("controllo", base + "/fasi", "{\"numero\":1,\"titolo\":\"Analisi\",\"inizio\":\"2023-01-01\",\"fine\":\"2023-03-31\"}"),
                http.post("controllo", base + "/fasi", "{\"numero\":2,\"titolo\":\"Nuova procedura\",\"inizio\":\"2023-01-01\",\"fine\":\"2023-12-31\"}"),
                http.post("dirigente", base + "/fasi/1/rimodulazioni", "{\"inizio\":\"2023-01-01\",\"fine\":\"2023-05-31\",\"motivazione\":\""
                        + MOTIVAZIONE_RIMODULAZIONE + "\"}"),
                http.post("dirigente", base + "/fasi/1/completamento", "{\"data\":\"2023-05-10\",\"atto\":\"Determinazione n. 200\"}"),
                http.post("dirigente", base + "/fasi/2/consuntivi", "{\"mese\":\"2023-06\",\"svolta\":true,\"percentuale\":60,"
                        + "\"note\":\"Modulistica unificata\",\"atto\":\"Verbale di sopralluogo n. 7\"}"),
                http.post("controllo", base + "/indicatori", "{\"codice\":\"SCIA-GG\",\"nome\":\"Media giorni di istruttoria delle SCIA\","
                        + "\"unita\":\"giorni\",\"valoreAtteso\":28,\"direzione\":\"DECRESCENTE\",\"peso\":60}"),
                http.post("controllo", base + "/indicatori", "{\"codice\":\"CER-ATTO\",\"nome\":\"Atto costitutivo della comunità energetica\","
                        + "\"valoreAtteso\":1,\"direzione\":\"CRESCENTE\",\"peso\":40}"),
                http.post("dirigente", base + "/indicatori/SCIA-GG/valori", "{\"valore\":32,\"dataRiferimento\":\"2023-05-20\"}"),
                http.post("dirigente", base + "/indicatori/SCIA-GG/valori", "{\"valore\":20,\"dataRiferimento\":\"2023-11-10\"}"),
                http.post("dirigente", base + "/indicatori/CER-ATTO/valori", "{\"valore\":1,\"dataRiferimento\":\"2023-12-20\"}"));
        for (Risposta r : risposte) {
            assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        }
        long versione = risposte.get(risposte.size() - 1).json().get("versione").asLong();
        assertThat(http.schedaAllaVersione("nucleo", id, versione)).as("la proiezione raggiunge la versione " + versione).isTrue();
        return id;
    }

    void metodo(String ente) throws Exception {
        String documento = Files.readString(Path.of("..", "docs", "smvp", "esempio-gzoom.yaml")).replace("ente: c_b648", "ente: " + ente);
        Risposta r = http.put("nucleo", "/api/valutazione/metodo-smvp?ente=" + ente + "&anno=2023&inVigoreDal=01/01/2023&motivazione="
                + URLEncoder.encode("Delibera di adozione del SMVP", StandardCharsets.UTF_8), documento, "application/yaml");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void theAnnexOfTheYearAsPdfaAndDocxSaysWhatWasPlannedDoneAndScored() throws Exception {
        http = new ClienteHttp(porta);
        String ente = enti.prepara("c_allegato");
        metodo(ente);
        obiettivo(ente);

        // the nucleo validates the Relazione; a dirigente may not
        String validazione = "{\"ente\":\"" + ente + "\",\"anno\":2023,\"data\":\"2024-06-28\",\"atto\":\"Verbale del nucleo n. 4\","
                + "\"esito\":\"VALIDATA\",\"motivazione\":\"La Relazione espone con chiarezza i risultati del PEG\"}";
        assertThat(http.post("dirigente", "/api/valutazione/relazione/validazione", validazione).stato()).isEqualTo(403);
        Risposta validata = http.post("nucleo", "/api/valutazione/relazione/validazione", validazione);
        assertThat(validata.stato()).as(validata.toString()).isEqualTo(200);
        Risposta ancora = http.post("nucleo", "/api/valutazione/relazione/validazione", validazione);
        assertThat(ancora.stato()).isEqualTo(409);
        assertThat(ancora.json().get("detail").asString()).isEqualTo("La Relazione sulla performance 2023 è già stata validata il 28/06/2024");

        String percorso = "/api/valutazione/relazione/allegato?ente=" + ente + "&anno=2023";
        HttpResponse<byte[]> pdf = http.scarica("nucleo", percorso + "&formato=pdf");
        assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString()
                .contains("attachment").contains("Allegato-obiettivi-" + ente + "-2023-al-" + LocalDate.now(ROMA) + ".pdf");
        assertThat(LetturaDocumenti.xmpPdf(pdf.body())).contains("pdfaid:part").contains("<pdfaid:part>3</pdfaid:part>");
        String testoPdf = LetturaDocumenti.testoPdf(pdf.body());

        HttpResponse<byte[]> docx = http.scarica("dirigente", percorso + "&formato=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String testoDocx = LetturaDocumenti.testoDocx(docx.body());

        for (String testo : List.of(testoPdf, testoDocx)) {
            assertThat(testo).contains("Allegato obiettivi alla Relazione sulla performance 2023",
                    // the rimodulazione: the day recorded, the original plan, the new one, why
                    oggi(), "dal 01/01/2023 al 31/03/2023", "dal 01/01/2023 al 31/05/2023", MOTIVAZIONE_RIMODULAZIONE,
                    // June's consuntivo, recorded today: late, and by how much
                    "giugno 2023", "Verbale di sopralluogo n. 7", "registrato il " + oggi() + ", in ritardo di",
                    "Fase 1 completata il 10/05/2023 (atto: Determinazione n. 200)",
                    // typed values, the score and its explanation
                    "20 al 10/11/2023", "più basso è meglio",
                    "Grado di raggiungimento: 82,5, fascia verde",
                    "SMVP 2023 (impostazione GZOOM)",
                    "validata", "Verbale del nucleo n. 4", "VERDI LUCA");
            assertThat(testo).contains("completata il 10/05/2023 entro la fine prevista 31/05/2023");
            // this context's database is an external one with no signing key: the annex is generated without the
            // receipt's section (AnnoDimostrativoTest, with a key, finds it there)
            assertThat(testo).doesNotContain("Ricevuta di integrità dell'archivio degli eventi");
            assertThat(DATA_ISO.matcher(testo).find()).as("nessuna data ISO: " + testo).isFalse();
            assertThat(PUNTO_DECIMALE.matcher(testo).find()).as("nessun punto decimale").isFalse();
        }

        try (XWPFDocument documento = LetturaDocumenti.docx(docx.body())) {
            // the two charts of the summary (scores by settore, objectives by band) as pictures, named by their titles
            assertThat(documento.getAllPictures()).hasSize(2);
            // real headings, Word's built-in ones
            XWPFParagraph titolo = documento.getParagraphs().get(0);
            assertThat(titolo.getStyle()).isEqualTo("Heading1");
            assertThat(documento.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(documento.getParagraphs()).anySatisfy(p -> {
                assertThat(p.getStyle()).isEqualTo("Heading3");
                assertThat(p.getText()).isEqualTo("Diminuzione tempi di verifica delle SCIA");
            });
            // the settore's summary row: the example method weighs SASTER's objectives by the ids of its own
            // illustration, so this one weighs 0 there and the settore's score is not computable; the ufficio's is
            assertThat(righe(documento, "Settore", 7)).containsExactly(
                    List.of("SASTER – ASSETTO E GESTIONE DEL TERRITORIO", "1", "2", "1", "1", "non calcolabile", "—"));
            assertThat(righe(documento, "Settore", 8)).containsExactly(
                    List.of("SASTER", "UEDPRI – EDILIZIA PRIVATA", "1", "2", "1", "1", "82,5", "verde"));
            // page numbers in the footer: Word's PAGE and NUMPAGES fields
            String piede = documento.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText();
            assertThat(piede).contains(" PAGE ").contains(" NUMPAGES ").contains("Pagina");
        }
    }

    /** The body rows of the table whose header starts with {@code prima} and has {@code colonne} cells. */
    static List<List<String>> righe(XWPFDocument documento, String prima, int colonne) {
        XWPFTable tabella = documento.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals(prima) && t.getRow(0).getTableCells().size() == colonne)
                .findFirst().orElseThrow();
        return tabella.getRows().subList(1, tabella.getRows().size()).stream()
                .map(r -> r.getTableCells().stream().map(c -> c.getText()).toList()).toList();
    }

    @Test
    void badRequestsAreItalianProblems() throws Exception {
        http = new ClienteHttp(porta);
        String ente = enti.prepara("c_allegato_x");
        obiettivo(ente);
        String base = "/api/valutazione/relazione/allegato?ente=" + ente;
        Risposta data = http.get("nucleo", base + "&anno=2023&al=31/02/2023");
        assertThat(data.stato()).isEqualTo(400);
        assertThat(data.intestazione("Content-Type")).startsWith("application/problem+json");
        assertThat(data.json().get("detail").asString()).contains("'al'", "GG/MM/AAAA");
        Risposta prima = http.get("nucleo", base + "&anno=2023&al=31/12/2022");
        assertThat(prima.stato()).isEqualTo(400);
        assertThat(prima.json().get("detail").asString()).isEqualTo(
                "L'allegato del PEG 2023 si riferisce a una data dal 01/01/2023 (ricevuto 31/12/2022)");
        Risposta formato = http.get("nucleo", base + "&anno=2023&formato=odt");
        assertThat(formato.stato()).isEqualTo(400);
        assertThat(formato.json().get("detail").asString()).isEqualTo("Il formato dell'allegato è pdf o docx (ricevuto 'odt')");
        Risposta anno = http.get("nucleo", base + "&anno=duemila");
        assertThat(anno.stato()).isEqualTo(400);
        assertThat(http.get("nucleo", base + "&anno=2019").json().get("detail").asString())
                .isEqualTo("Nessun obiettivo del PEG 2019 dell'ente " + ente + " registrato al "
                        + oggi());
        Risposta altro = http.get("nucleo", "/api/valutazione/relazione/allegato?ente=c_nessuno&anno=2023");
        assertThat(altro.stato()).isEqualTo(404);
        assertThat(altro.json().get("detail").asString()).isEqualTo("Ente c_nessuno non trovato");
        // the annex of a year without an SMVP says so, and still generates
        HttpResponse<byte[]> senza = http.scarica("nucleo", base + "&anno=2023&formato=docx");
        assertThat(senza.statusCode()).isEqualTo(200);
        assertThat(LetturaDocumenti.testoDocx(senza.body())).contains("Nessun metodo SMVP dell'ente in vigore al 31/12/2023");
    }
}
