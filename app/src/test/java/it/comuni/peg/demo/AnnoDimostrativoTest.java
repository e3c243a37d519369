package it.comuni.peg.demo;

import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.consuntivo.Tempestivita;
import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.valutazione.MonitoraggioChiuso;
import it.comuni.peg.command.demo.DemoDaRigaDiComando;
import it.comuni.peg.platform.audit.Checkpointer;
import it.comuni.peg.platform.audit.Ricevuta;
import it.comuni.peg.platform.audit.Ricevute;
import it.comuni.peg.platform.audit.VerificaRicevute;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.query.organigramma.OrganigrammaQueries;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.web.GiroDellaDemo;
import it.comuni.peg.web.relazione.ImpaginazioneAllegato;
import it.comuni.peg.web.stampa.StampaController;
import it.comuni.peg.support.LetturaDocumenti;
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

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's simulated year, run in-process against a fresh database as --demo runs it: every event
 * marked as simulated and dated in its year, time travel meaningful over it, the monitoraggio and a
 * final evaluation of every objective there; and afterwards an ordinary HTTP command is neither
 * marked nor back-dated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class,
        properties = {"demo=true", "peg.demo.database-esterno=true"})
@ActiveProfiles("test")
// closed after the class: every test class has a context (and a pool of connections) of its own, and
// kept in the cache they exhaust the test MariaDB's connections for the classes that come after
@DirtiesContext
class AnnoDimostrativoTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final String ENTE = URLEncoder.encode(DemoDaRigaDiComando.ENTE, StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) throws java.io.IOException {
        MariaDbDiTest.registra(r);
        // signed checkpoints, as on the embedded default: a key and an export folder outside the database
        Path firma = Files.createTempDirectory(Path.of("target"), "demo-firma");
        r.add("peg.audit.firma.chiave", () -> firma.resolve("chiave.pem").toString());
        r.add("peg.audit.firma.genera", () -> "true");
        r.add("peg.audit.checkpoint.esportazione", () -> firma.resolve("checkpoint").toString());
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
    Clock clock;
    @Autowired
    EntiDiProva enti;
    @Autowired
    AccessiUtenti accessi;
    @Autowired
    Organigrammi organigrammi;
    @Autowired
    OrganigrammaQueries organigramma;
    @Autowired
    Checkpointer checkpointer;
    @Autowired
    Ricevute ricevute;
    @Autowired
    VerificaRicevute verificaRicevute;

    @Test
    void aSimulatedYearThenTheRealPresent() throws Exception {
        enti.registra(DemoDaRigaDiComando.ENTE, "controllo", "nucleo");
        DemoDaRigaDiComando.Resoconto r = demo.resoconto();
        System.out.println("Anno dimostrativo: " + r);
        assertThat(r.eseguita()).isTrue();
        assertThat(r.rifiutati()).isZero();
        assertThat(r.obiettivi()).isEqualTo(41);
        assertThat(r.comandi()).containsEntry("ChiudiMonitoraggio", 1).containsEntry("ImpostaMetodoSmvp", 1).containsEntry("RegistraValutazione", 41)
                .containsEntry("ImpostaMetodoValutazione", 1).containsKeys("RimodulaFase", "DefinisciIndicatore", "RegistraValoreIndicatore");
        assertThat(r.comandi().get("RegistraConsuntivo")).isGreaterThan(500);
        assertThat(r.comandi().get("CompletaFase")).isGreaterThan(80);

        // the demo registered its ente on this fresh database as peg.enti-dimostrativi describes it
        assertThat(eventStore.readEvents(DemoDaRigaDiComando.ENTE).asStream().findFirst()).get()
                .extracting(DomainEventMessage::getPayload).isInstanceOfSatisfying(EnteRegistrato.class, e -> {
                    assertThat(e.nome()).isEqualTo("Comune di Capannori");
                    assertThat(e.codiceIstat()).isEqualTo("046007");
                    assertThat(e.denominazioniPrecedenti()).containsExactly("Comune di Capannori");
                });
        // the import built the ente's organigramma, and the simulated people acted through real accessi as its persone
        assertThat(organigrammi.persone(DemoDaRigaDiComando.ENTE)).hasSize(177);
        assertThat(organigrammi.responsabili(DemoDaRigaDiComando.ENTE, "SASTER", java.time.LocalDate.of(2023, 7, 1)))
                .containsExactly("GENTILILUCA");
        assertThat(accessi.di("simulazione:GENTILI LUCA").in(DemoDaRigaDiComando.ENTE))
                .contains(new Accesso(DemoDaRigaDiComando.ENTE, Ruolo.DIRIGENTE, "GENTILILUCA"));
        assertThat(accessi.di("simulazione:nucleo").in(DemoDaRigaDiComando.ENTE))
                .contains(new Accesso(DemoDaRigaDiComando.ENTE, Ruolo.NUCLEO, null));
        // and the demo's dirigente is GENTILI LUCA: "Il mio PEG" is the objectives of the settori he holds
        assertThat(accessi.di("dirigente").in(DemoDaRigaDiComando.ENTE))
                .contains(new Accesso(DemoDaRigaDiComando.ENTE, Ruolo.DIRIGENTE, "GENTILILUCA"));
        assertThat(Attesa.entro(Duration.ofSeconds(60), () -> organigramma.struttureDi(DemoDaRigaDiComando.ENTE, "GENTILILUCA",
                java.time.LocalDate.now(ROMA)).containsAll(Set.of("SASTER", "SGTER")))).isTrue();

        // every event is marked and dated in the simulated year (the objectives, the cycle, the ente's
        // organigramma; not the test's own ente, prepared at start-up)
        List<String> aggregati = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier <> ?",
                String.class, EntiDiProva.PROVA);
        int consuntiviDiGentili = 0;
        Set<YearMonth> mesi = new HashSet<>();
        int eventi = 0;
        int inRitardo = 0;
        Instant primo = Instant.MAX;
        Instant ultimo = Instant.MIN;
        for (String id : aggregati) {
            for (DomainEventMessage<?> e : eventStore.readEvents(id).asStream().toList()) {
                eventi++;
                assertThat(e.getMetaData().get(Metadati.SIMULAZIONE)).as(e.getPayloadType().getSimpleName()).isEqualTo(Boolean.TRUE);
                assertThat(e.getMetaData().get(Metadati.REGISTRATO_IL)).isEqualTo(e.getTimestamp().toString());
                mesi.add(YearMonth.from(e.getTimestamp().atZone(ROMA)));
                primo = primo.isBefore(e.getTimestamp()) ? primo : e.getTimestamp();
                ultimo = ultimo.isAfter(e.getTimestamp()) ? ultimo : e.getTimestamp();
                if (e.getPayload() instanceof ConsuntivoRegistrato c && Tempestivita.registratoInRitardo(c.mese(), e.getTimestamp(), 10)) {
                    inRitardo++;
                }
                if (e.getPayload() instanceof ConsuntivoRegistrato && "GENTILILUCA".equals(e.getMetaData().get(Metadati.PERSONA))) {
                    assertThat(e.getMetaData()).containsEntry(Metadati.UTENTE, "simulazione:GENTILI LUCA")
                            .containsEntry(Metadati.RUOLO, "DIRIGENTE").containsEntry(Metadati.ENTE, DemoDaRigaDiComando.ENTE);
                    consuntiviDiGentili++;
                }
            }
        }
        System.out.println("Eventi simulati: " + eventi + ", dal " + primo + " al " + ultimo + ", consuntivi in ritardo: " + inRitardo);
        assertThat(primo.atZone(ROMA).toLocalDate()).hasToString("2023-01-27");
        assertThat(ultimo).isBefore(Instant.parse("2024-04-01T00:00:00Z"));
        assertThat(mesi.stream().filter(m -> m.getYear() == 2023)).hasSize(12);
        assertThat(inRitardo).isPositive();
        // recorded by the settore's dirigente as the persona of the organigramma
        assertThat(consuntiviDiGentili).isGreaterThan(50);

        ClienteHttp http = new ClienteHttp(porta);
        List<String> ids = attendiProiezione(http);

        // time travel: on 30/06 the dirigenti had reported less than they have by now
        int diversi = 0;
        for (String id : ids) {
            JsonNode allora = http.get("nucleo", "/api/obiettivi/" + id + "?asOf=2023-06-30").json();
            JsonNode oggi = http.get("nucleo", "/api/obiettivi/" + id).json();
            for (JsonNode fase : allora.get("fasi")) {
                fase.get("consuntivo").forEach(m -> assertThat(m.asText()).isLessThanOrEqualTo("2023-06"));
            }
            if (!allora.get("fasi").equals(oggi.get("fasi"))) {
                diversi++;
            }
        }
        assertThat(diversi).isGreaterThan(20);

        // the monitoraggio at 30/06, and a final evaluation of every objective
        JsonNode monitoraggio = http.get("nucleo", "/api/obiettivi/" + ids.get(0) + "/valutazione?al=2023-06-30").json();
        assertThat(monitoraggio.get("origine").asText()).isEqualTo("MONITORAGGIO");
        JsonNode finale = http.get("nucleo", "/api/peg/2023/valutazione?ente=" + ENTE + "&al=2023-12-31").json();
        assertThat(finale.get("dettaglio")).hasSize(41);
        finale.get("dettaglio").forEach(v -> {
            assertThat(v.get("origine").asText()).isEqualTo("VALUTAZIONE_FINALE");
            assertThat(v.get("provvisorio").asBoolean()).as(v.toString()).isFalse();
        });
        Risposta pubblicazione = http.get("nucleo", "/api/peg/2023/valutazione.csv?ente=" + ENTE + "&al=2023-12-31");
        assertThat(pubblicazione.corpo().split("\r\n")).hasSize(42);
        // the storico tells the year too, with the late consuntivi; no projection parked any event of it
        assertThat(http.get("nucleo", "/api/peg/2023/storico?ente=" + ENTE).corpo()).contains("\"registratoInRitardo\":true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry", Long.class)).isZero();

        // the year under the ente's own SMVP, which the nucleo recorded with the PEG (version 1) and under which it
        // closed every objective with its final valutazione; then under each example SMVP of docs/smvp, recorded
        // now as versions 2 and 3 in force from 01/01: every objective scored with its explanation, within the
        // mapped range, the demo's indicators (which no method lists) scored as each scores a NUMERO. At 31/12 a
        // closed objective keeps the score it was closed with, so the later versions leave the year's scores as
        // they were; at 30/06, where nothing is closed, the two examples judge the same half-year differently
        BigDecimal adottato = valuta(http, 1, "31/12/2023");
        imposta(http, "esempio-gzoom.yaml");
        BigDecimal gzoom = valuta(http, 2, "31/12/2023");
        BigDecimal giugnoGzoom = valuta(http, 2, "30/06/2023");
        imposta(http, "esempio-perform.yaml");
        BigDecimal perform = valuta(http, 3, "31/12/2023");
        BigDecimal giugnoPerform = valuta(http, 3, "30/06/2023");
        System.out.printf("Anno dimostrativo, ente: secondo il suo SMVP %s; al 30/06 secondo GZOOM %s, secondo PERFORM+ %s%n",
                adottato, giugnoGzoom, giugnoPerform);
        assertThat(gzoom).isEqualByComparingTo(adottato);
        assertThat(perform).isEqualByComparingTo(adottato);
        assertThat(giugnoGzoom).isNotEqualByComparingTo(giugnoPerform);

        // the monitoraggio closed on 14 July is an act of the cycle: a checkpoint was taken for it, and its
        // receipt still verifies the store once the year is over
        String monitoraggioChiuso = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE payload_type = ?",
                String.class, MonitoraggioChiuso.class.getName());
        long indiceAtto = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
                monitoraggioChiuso);
        assertThat(Attesa.entro(Duration.ofSeconds(30), () -> checkpointer.primoCheCopre(indiceAtto).isPresent())).isTrue();
        assertThat(checkpointer.primoCheCopre(indiceAtto).orElseThrow().motivo()).isEqualTo(Checkpointer.Motivo.ATTO);
        Ricevuta delMonitoraggio = ricevute.perEvento(monitoraggioChiuso).orElseThrow();
        VerificaRicevute.EsitoRicevute esitoRicevuta = verificaRicevute.verifica(List.of(delMonitoraggio));
        assertThat(esitoRicevuta.integra()).as(esitoRicevuta.toString()).isTrue();

        // the objectives' annex of the Relazione sulla performance of the demo year, in both formats
        HttpResponse<byte[]> pdf = http.scarica("nucleo", "/api/valutazione/relazione/allegato?ente=" + ENTE + "&anno=2023&formato=pdf");
        assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(LetturaDocumenti.xmpPdf(pdf.body())).contains("<pdfaid:part>3</pdfaid:part>");
        HttpResponse<byte[]> docx = http.scarica("nucleo", "/api/valutazione/relazione/allegato?ente=" + ENTE + "&anno=2023&formato=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        for (String testo : List.of(LetturaDocumenti.testoPdf(pdf.body()), LetturaDocumenti.testoDocx(docx.body()))) {
            assertThat(testo).contains("Allegato obiettivi alla Relazione sulla performance 2023", "Comune di Capannori",
                    "Riepilogo per settore", "in ritardo di", "Grado di raggiungimento: ",
                    // the annex holds the store's receipt, readable and as its JSON block
                    "Ricevuta di integrità dell'archivio degli eventi", ImpaginazioneAllegato.RICEVUTA_PER_PROGRAMMI);
        }
        // and in the PDF's information entry, a receipt that verifies the store
        try (org.apache.pdfbox.pdmodel.PDDocument documento = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String json = documento.getDocumentInformation().getCustomMetadataValue(StampaController.METADATO_RICEVUTA);
            VerificaRicevute.EsitoRicevute delAllegato = verificaRicevute.verifica(Ricevuta.daJson(json));
            assertThat(delAllegato.integra()).as(delAllegato.toString()).isTrue();
        }

        // the present again: an HTTP command is neither marked nor back-dated
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        Risposta fase = http.post("controllo", "/api/obiettivi/" + ids.get(0) + "/fasi",
                "{\"numero\":99,\"titolo\":\"Fase aggiunta dopo la demo\",\"inizio\":\"2023-11-01\",\"fine\":\"2023-12-31\"}");
        assertThat(fase.stato()).as(fase.corpo()).isEqualTo(200);
        List<? extends DomainEventMessage<?>> storia = eventStore.readEvents(ids.get(0)).asStream().toList();
        DomainEventMessage<?> reale = storia.get(storia.size() - 1);
        assertThat(reale.getMetaData()).doesNotContainKeys(Metadati.SIMULAZIONE, Metadati.REGISTRATO_IL)
                .containsEntry(Metadati.UTENTE, "controllo");
        assertThat(Duration.between(reale.getTimestamp(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(2));
    }

    /** Records {@code esempio} (docs/smvp) as the next version of the SMVP, in force from 01/01/2023. */
    private static void imposta(ClienteHttp http, String esempio) {
        String documento;
        try {
            documento = Files.readString(Path.of("..", "docs", "smvp", esempio));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Risposta impostato = http.put("nucleo", "/api/valutazione/metodo-smvp?ente=" + ENTE + "&anno=2023&inVigoreDal=01/01/2023&motivazione="
                + URLEncoder.encode("Delibera di adozione", StandardCharsets.UTF_8), documento, "application/yaml");
        assertThat(impostato.stato()).as(impostato.toString()).isEqualTo(200);
    }

    /** Scores the whole PEG at {@code al} under the SMVP in force, which must be version {@code versione}; returns the ente's score. */
    private static BigDecimal valuta(ClienteHttp http, int versione, String al) {
        Risposta r = http.get("nucleo", "/api/valutazione/smvp/peg?ente=" + ENTE + "&anno=2023&al=" + al);
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        JsonNode v = r.json();
        assertThat(v.get("metodo").get("versione").asInt()).isEqualTo(versione);
        assertThat(v.get("metodo").get("indicatoriImpliciti").toString()).contains("GG", "TEMPI");
        assertThat(v.get("esito").get("obiettivi")).hasSize(41);
        v.get("esito").get("obiettivi").forEach(o -> {
            JsonNode esito = o.get("esito");
            assertThat(esito.get("stato").asString()).as(o.toString()).isEqualTo("CALCOLATO");
            assertThat(esito.get("punti").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
            assertThat(esito.get("passi").size()).isGreaterThan(3);
        });
        return v.get("esito").get("ente").get("esito").get("punti").decimalValue();
    }

    /**
     * The demo's pages and prints read as Italian to the last character, print fit to file, and pass axe at
     * desktop and phone width ({@link GiroDellaDemo}); the screenshots stay under app/target/schermate.
     */
    @Test
    void everyPageOfTheDemoReadsAsItalianAndPassesAxe() throws Exception {
        enti.registra(DemoDaRigaDiComando.ENTE, "controllo", "nucleo");
        ClienteHttp http = new ClienteHttp(porta);
        List<String> ids = attendiProiezione(http);
        Set<String> datiUtente = new HashSet<>();
        for (String id : ids) {
            datiUtente.addAll(GiroDellaDemo.testiDi(http.get("nucleo", "/api/obiettivi/" + id).json()));
            datiUtente.addAll(GiroDellaDemo.testiDi(GiroDellaDemo.json(http.get("nucleo", "/api/obiettivi/" + id + "/storico").corpo()), "descrizione"));
        }
        GiroDellaDemo giro = new GiroDellaDemo(porta, DemoDaRigaDiComando.ENTE, 2023, ids, datiUtente);
        long inizio = System.nanoTime();
        giro.spazza("nucleo");
        giro.spazza("dirigente");
        giro.spazzaIlControllo("controllo");
        long spazzate = System.nanoTime();
        System.out.println("Stampa del settore SASTER al 30/06/2023: " + giro.stampaDelSettore("nucleo", "SASTER", "2023-06-30") + " pagine");
        long stampa = System.nanoTime();
        // the nucleo every kind of page; the dirigente those that are his own (his PEG, a scheda with his forms)
        List<String> violazioni = giro.nelBrowser(Map.of("nucleo", List.copyOf(giro.pagine().keySet()),
                "dirigente", List.of("home", "peg", "scheda")));
        System.out.printf("Giro della demo: pagine lette in %d ms, stampa in %d ms, browser in %d ms%n", (spazzate - inizio) / 1_000_000,
                (stampa - spazzate) / 1_000_000, (System.nanoTime() - stampa) / 1_000_000);
        giro.problemi().forEach((pagina, problemi) -> System.out.println("NON IN ITALIANO " + pagina + ": " + problemi));
        assertThat(giro.problemi()).as("testi non in italiano, pagina per pagina").isEmpty();
        assertThat(violazioni).as("violazioni gravi di axe").isEmpty();
    }

    /**
     * The fast rebuild writes, row for row, what the processors wrote event by event over the whole
     * simulated year; so does the slow path; and the processors carry on from the head the fast path
     * read, neither skipping nor repeating the next event.
     */
    @Test
    void theFastRebuildWritesTheRowsTheProcessorsWrote() throws Exception {
        enti.registra(DemoDaRigaDiComando.ENTE, "controllo", "nucleo");
        ClienteHttp http = new ClienteHttp(porta);
        List<String> ids = attendiProiezione(http);
        ricostruisci(http, null);
        Map<String, List<Map<String, Object>>> dalVivo = proiezioni();
        assertThat(dalVivo.get("storico_voce")).hasSizeGreaterThan(1000);

        assertThat(ricostruisci(http, "")).containsOnly("IN_BLOCCO");
        stesseRighe(proiezioni(), dalVivo);
        assertThat(ricostruisci(http, "?modo=PROCESSORI")).containsOnly("PROCESSORI");
        stesseRighe(proiezioni(), dalVivo);

        ricostruisci(http, "");
        String id = ids.get(1);
        long voci = jdbc.queryForObject("SELECT COUNT(*) FROM storico_voce WHERE obiettivo_id = ?", Long.class, id);
        Risposta fase = http.post("controllo", "/api/obiettivi/" + id + "/fasi",
                "{\"numero\":98,\"titolo\":\"Fase dopo la ricostruzione\",\"inizio\":\"2023-11-01\",\"fine\":\"2023-12-31\"}");
        assertThat(fase.stato()).as(fase.corpo()).isEqualTo(200);
        Attesa.entro(Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM storico_voce WHERE obiettivo_id = ?", Long.class, id) > voci);
        Attesa.entro(Duration.ofSeconds(30),
                () -> http.get("nucleo", "/api/obiettivi/" + id).json().get("fasi").toString().contains("Fase dopo la ricostruzione"));
        assertThat(http.get("nucleo", "/api/obiettivi/" + id).json().get("fasi").toString()).contains("Fase dopo la ricostruzione");
        Thread.sleep(500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM storico_voce WHERE obiettivo_id = ?", Long.class, id)).isEqualTo(voci + 1);
    }

    /**
     * Rebuilds every projection and waits until each is at the head of the store; returns how each
     * one was rebuilt. With a null {@code modo} it only waits for the processors to reach the head.
     */
    private Set<String> ricostruisci(ClienteHttp http, String modo) throws InterruptedException {
        if (modo != null) {
            Risposta avvio = http.post("amministratore", "/api/admin/proiezioni/ricostruzione" + modo, "");
            assertThat(avvio.stato()).as(avvio.corpo()).isEqualTo(202);
        }
        Set<String> modi = new HashSet<>();
        boolean finita = Attesa.entro(Duration.ofSeconds(120), () -> {
            modi.clear();
            boolean tutte = true;
            for (JsonNode p : http.get("amministratore", "/api/admin/proiezioni").json()) {
                tutte &= !p.get("inRicostruzione").asBoolean() && p.get("posizione").asLong() >= p.get("testa").asLong();
                modi.add(p.path("modo").asText());
            }
            return tutte;
        });
        assertThat(finita).as("ricostruzione terminata in 120 s").isTrue();
        return modi;
    }

    /** Table by table, row by row: a difference fails at the first row that differs. */
    private static void stesseRighe(Map<String, List<Map<String, Object>>> righe, Map<String, List<Map<String, Object>>> attese) {
        assertThat(righe.keySet()).isEqualTo(attese.keySet());
        for (String tabella : attese.keySet()) {
            assertThat(righe.get(tabella)).as(tabella).hasSameSizeAs(attese.get(tabella));
            for (int i = 0; i < attese.get(tabella).size(); i++) {
                assertThat(righe.get(tabella).get(i)).as("%s, riga %d", tabella, i).isEqualTo(attese.get(tabella).get(i));
            }
        }
    }

    /** Every row of every projection table, in key order. */
    private Map<String, List<Map<String, Object>>> proiezioni() {
        Map<String, List<Map<String, Object>>> tabelle = new LinkedHashMap<>();
        tabelle.put("scheda_obiettivo", jdbc.queryForList("SELECT * FROM scheda_obiettivo ORDER BY obiettivo_id"));
        tabelle.put("assegnazione_persona", jdbc.queryForList("SELECT * FROM assegnazione_persona ORDER BY obiettivo_id, nome, inizio"));
        tabelle.put("storico_obiettivo", jdbc.queryForList("SELECT * FROM storico_obiettivo ORDER BY obiettivo_id"));
        tabelle.put("storico_voce", jdbc.queryForList("SELECT * FROM storico_voce ORDER BY obiettivo_id, sequenza"));
        return tabelle;
    }

    /** The projection is asynchronous: wait until it holds every event of the demo's objectives. */
    private List<String> attendiProiezione(ClienteHttp http) {
        long limite = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < limite) {
            Risposta r = http.get("nucleo", "/api/obiettivi?ente=" + ENTE + "&anno=2023");
            if (r.stato() == 200 && r.json().get("obiettivi").size() == 41) {
                List<String> ids = new ArrayList<>();
                long versioni = 0;
                for (JsonNode v : r.json().get("obiettivi")) {
                    ids.add(v.get("id").asText());
                    versioni += v.get("versione").asLong();
                }
                long eventi = ids.stream().mapToLong(id -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id)).sum();
                // versione is the last sequence number: one less than the events of each objective
                if (versioni + ids.size() == eventi) {
                    return ids;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("La proiezione delle schede non ha raggiunto la demo in 120 s");
    }
}
