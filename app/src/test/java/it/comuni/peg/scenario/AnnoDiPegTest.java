package it.comuni.peg.scenario;

import it.comuni.peg.support.EntiDiProva;
import tools.jackson.databind.JsonNode;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.ClientePeg;
import it.comuni.peg.support.OrologioDiProva;
import it.comuni.peg.support.OrologioMobile;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted year of a PEG, driven over HTTP with a clock moved by hand: the live scheda and list
 * are captured at several instants, then an as-of read at each instant must return exactly them.
 * A snapshot planted at the head of the stream makes sure an as-of read never starts from one.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class,
        properties = OrologioDiProva.INIZIO + "=2023-01-02T08:00:00Z")
@ActiveProfiles("test")
@Import(OrologioDiProva.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnoDiPegTest {

    static final String ENTE = "c_anno";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
    }

    @Autowired TestRestTemplate rest;
    @Autowired OrologioMobile orologio;
    @Autowired EntiDiProva enti;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore eventStore;
    @Autowired PlatformTransactionManager tx;

    ClientePeg peg;
    final Map<String, Long> versioni = new HashMap<>();
    final Map<Instant, JsonNode> schedeA = new LinkedHashMap<>();
    final Map<Instant, JsonNode> elenchi = new LinkedHashMap<>();
    String a;
    String b;

    @BeforeAll
    void orologio() {
        // events take their timestamp from Axon's static clock: the scripted time, for this class only
        orologio.timbraGliEventi();
        peg = new ClientePeg(rest);
        enti.prepara(ENTE);
    }

    @AfterAll
    void ripristina() {
        OrologioMobile.ripristinaGliEventi();
    }

    @Test
    @Order(1)
    void aYearOfCommands() {
        orologio.vaiAlle("2023-01-16T10:00");
        a = definisci("Digitalizzazione delle pratiche edilizie", "SASTER", "UEDPRI");
        b = definisci("Riordino dell'archivio storico", "SSEGEN", null);
        comando(a, "/persone", Map.of("nome", "Verdi Luca", "categoria", "Categoria C", "ruolo", "Istruttore",
                "inizio", "2023-01-01", "fine", "2023-12-31"));
        comando(a, "/fasi", Map.of("numero", 1, "titolo", "Analisi", "inizio", "2023-01-01", "fine", "2023-03-31"));
        comando(a, "/fasi", Map.of("numero", 2, "titolo", "Sviluppo", "inizio", "2023-04-01", "fine", "2023-06-30"));
        comando(a, "/fasi", Map.of("numero", 3, "titolo", "Avvio", "inizio", "2023-07-01", "fine", "2023-11-30"));
        comando(a, "/indicatori", Map.of("codice", "PRAT", "nome", "Pratiche digitali", "unita", "%",
                "valoreAtteso", 100, "direzione", "CRESCENTE", "peso", 60));
        comando(a, "/indicatori", Map.of("codice", "GG", "nome", "Giorni medi di istruttoria", "unita", "giorni",
                "valoreAtteso", 30, "direzione", "DECRESCENTE", "peso", 40));
        comando(b, "/fasi", Map.of("numero", 1, "titolo", "Censimento", "inizio", "2023-02-01", "fine", "2023-05-31"));
        cattura();

        orologio.vaiAlle("2023-02-03T09:00");
        comando(a, "/fasi/1/consuntivi", Map.of("mese", "2023-01", "svolta", true, "percentuale", 30));
        cattura();

        orologio.vaiAlle("2023-03-02T11:30");
        comando(a, "/fasi/1/consuntivi", Map.of("mese", "2023-02", "svolta", true, "percentuale", 70));
        comando(b, "/fasi/1/consuntivi", Map.of("mese", "2023-02", "svolta", true, "percentuale", 10));

        orologio.vaiAlle("2023-03-31T20:00");
        cattura();

        orologio.vaiAlle("2023-04-05T08:00");
        // completed late: planned end 31/03
        comando(a, "/fasi/1/completamento", Map.of("data", "2023-04-03", "atto", "Determina 45/2023"));
        cattura();

        orologio.vaiAlle("2023-05-10T15:00");
        comando(a, "/fasi/2/consuntivi", Map.of("mese", "2023-04", "svolta", true, "percentuale", 20));

        orologio.vaiAlle("2023-06-15T10:00");
        comando(a, "/fasi/2/rimodulazioni", Map.of("inizio", "2023-04-01", "fine", "2023-09-30",
                "motivazione", "Ritardo nella fornitura del software"));
        cattura();

        orologio.vaiAlle("2023-07-01T10:00");
        peg.invia("nucleo", "/api/valutazione/monitoraggi", Map.of("ente", ENTE, "anno", 2023, "data", "2023-06-30"));

        orologio.vaiAlle("2023-07-10T10:00");
        comando(a, "/fasi/2/consuntivi", Map.of("mese", "2023-06", "svolta", true, "percentuale", 60));
        comando(a, "/fasi/2/rettifiche", Map.of("mese", "2023-04", "svolta", true, "percentuale", 25,
                "motivazione", "Conteggio errato delle pratiche"));
        cattura();

        orologio.vaiAlle("2023-08-20T10:00");
        comando(a, "/fasi/3/consuntivi", Map.of("mese", "2023-07", "svolta", true, "percentuale", 10));

        orologio.vaiAlle("2023-10-10T10:00");
        comando(a, "/fasi/2/completamento", Map.of("data", "2023-09-28"));
        comando(a, "/indicatori/PRAT/valori", Map.of("valore", 80, "dataRiferimento", "2023-09-30"));
        cattura();

        orologio.vaiAlle("2023-12-20T10:00");
        comando(a, "/modifiche", Map.of("descrizione", "Nuova descrizione", "pesoIndicatori", 40, "pesoFasi", 60,
                "motivazione", "Deliberazione di Giunta 120/2023"));
        cattura();

        orologio.vaiAlle("2024-01-10T10:00");
        comando(a, "/indicatori/GG/valori", Map.of("valore", 36, "dataRiferimento", "2023-12-31"));
        cattura();

        assertThat(schedeA).hasSize(9);

    }

    @Test
    @Order(2)
    void asOfEachInstantReturnsWhatWasLiveThen() {
        // a snapshot whose content has nothing to do with the past: an as-of read starting from it would
        // fail; removed afterwards, since the aggregate itself would not load from it either
        new TransactionTemplate(tx).executeWithoutResult(t -> eventStore.storeSnapshot(new GenericDomainEventMessage<>(
                "Obiettivo", a, versioni.get(a), Map.of("istantanea", "di prova"))));
        try {
            confrontaAsOf();
        } finally {
            jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", a);
        }
    }

    private void confrontaAsOf() {
        for (var catturata : schedeA.entrySet()) {
            JsonNode asOf = peg.leggi("/api/obiettivi/" + a + "?asOf=" + catturata.getKey());
            assertThat(asOf).as("scheda al %s", catturata.getKey()).isEqualTo(catturata.getValue());
            JsonNode elenco = peg.leggi("/api/obiettivi?ente=" + ENTE + "&anno=2023&asOf=" + catturata.getKey());
            assertThat(elenco).as("elenco al %s", catturata.getKey()).isEqualTo(elenchi.get(catturata.getKey()));
        }
    }

    @Test
    @Order(2)
    void theStatoFollowsTheDayViewed() {
        List<String> stati = new ArrayList<>();
        schedeA.values().forEach(s -> stati.add(s.get("stato").asText()));
        // phase 3 planned to end on 30/11 is still open in December
        assertThat(stati).containsExactly("NON_AVVIATO", "IN_CORSO", "IN_CORSO", "IN_CORSO", "IN_CORSO", "IN_CORSO",
                "IN_CORSO", "IN_RITARDO", "IN_RITARDO");
    }

    // ---- script helpers ----

    private String definisci(String titolo, String settore, String ufficio) {
        Map<String, Object> corpo = new HashMap<>(Map.of("ente", ENTE, "anno", 2023, "titolo", titolo,
                "settore", Map.of("codice", settore, "nome", "Settore " + settore, "responsabile", "GENTILI LUCA"),
                "pesoIndicatori", 50, "pesoFasi", 50));
        if (ufficio != null) {
            corpo.put("ufficio", Map.of("codice", ufficio, "nome", "Ufficio " + ufficio, "responsabile", "BIANCHI ANNA"));
        }
        JsonNode esito = peg.invia("controllo", "/api/obiettivi", corpo);
        versioni.put(esito.get("id").asText(), esito.get("versione").asLong());
        return esito.get("id").asText();
    }

    /**
     * The plan is the controllo di gestione's; progress is the dirigente's of the settore: GENTILI LUCA
     * (dirigente) for SASTER's objective, BIANCHI ANNA (dirigente2) for SSEGEN's.
     */
    private void comando(String id, String percorso, Map<String, ?> corpo) {
        boolean piano = percorso.matches("/(persone(/termine)?|fasi|indicatori|modifiche)");
        JsonNode esito = peg.invia(piano ? "controllo" : id.equals(b) ? "dirigente2" : "dirigente", "/api/obiettivi/" + id + percorso, corpo);
        versioni.put(id, esito.get("versione").asLong());
    }

    private void cattura() {
        versioni.forEach(peg::attendiVersione);
        Instant adesso = orologio.instant();
        schedeA.put(adesso, peg.leggi("/api/obiettivi/" + a));
        elenchi.put(adesso, peg.leggi("/api/obiettivi?ente=" + ENTE + "&anno=2023"));
    }

    @Test
    @Order(3)
    void theClosedMonitoraggioAndTheFinalEvaluationDoNotMoveWithLaterFacts() {
        // at the monitoraggio of 30/06, closed on 01/07 with the default method (version 0):
        // phase 1 late by 3 days = 90; phase 2 re-planned on 15/06, 20% × 0.5 = 10 (the rettifica to 25%
        // came on 10/07); phase 3 nothing = 0; fasi 33.33; no indicator value yet = 0; 50% × 33.33 = 16.67
        JsonNode monitoraggio = peg.leggi("/api/obiettivi/" + a + "/valutazione?al=2023-06-30");
        assertThat(monitoraggio.get("origine").asText()).isEqualTo("MONITORAGGIO");
        assertThat(monitoraggio.get("versioneMetodo").asInt()).isZero();
        assertThat(monitoraggio.get("punteggio").get("grado").decimalValue()).isEqualByComparingTo("16.67");
        assertThat(monitoraggio.get("punteggio").get("fasi").get(1).get("tempestivita").asText()).isEqualTo("IN_LINEA");

        orologio.vaiAlle("2024-01-12T10:00");
        Map<String, Object> metodo = Map.of("ente", ENTE, "anno", 2023,
                "parametri", Map.of("penalitaMeseRitardo", 20, "fattoreNonCompletata", 0.6, "tolleranzaGiorni", 0),
                "motivazione", "SMVP approvato con delibera 3/2024");
        assertThat(peg.prova("dirigente", "/api/valutazione/metodo", metodo).getStatusCode().value()).isEqualTo(403);
        peg.invia("controllo", "/api/valutazione/metodo", metodo);

        orologio.vaiAlle("2024-01-15T10:00");
        Map<String, Object> valutazione = Map.of("ente", ENTE, "anno", 2023, "obiettivoId", a,
                "al", "2023-12-31", "motivazione", "Obiettivo in gran parte raggiunto");
        assertThat(peg.prova("dirigente", "/api/valutazione/valutazioni", valutazione).getStatusCode().value()).isEqualTo(403);
        peg.invia("nucleo", "/api/valutazione/valutazioni", valutazione);

        orologio.vaiAlle("2024-01-20T10:00");
        // a late consuntivo after the final evaluation: legal, but it cannot change the evaluation
        comando(a, "/fasi/3/consuntivi", Map.of("mese", "2023-11", "svolta", true, "percentuale", 90));
        versioni.forEach(peg::attendiVersione);

        // method v1 (20 points a month, factor 0.6); weights 60/40 since the modifica of 20/12:
        // phase 1 = 80, phase 2 = 100, phase 3 = 10% × 0.6 = 6 -> fasi 62; indicators (60 × 80 + 40 × 83.33) / 100
        // = 81.33; 60% × 62 + 40% × 81.33 = 69.73
        JsonNode finale = peg.leggi("/api/obiettivi/" + a + "/valutazione?al=2023-12-31");
        assertThat(finale.get("origine").asText()).isEqualTo("VALUTAZIONE_FINALE");
        assertThat(finale.get("definitiva").asBoolean()).isTrue();
        assertThat(finale.get("versioneMetodo").asInt()).isEqualTo(1);
        assertThat(finale.get("punteggio").get("fasi").get(2).get("percentualeRilevata").asInt()).isEqualTo(10);
        assertThat(finale.get("punteggio").get("grado").decimalValue()).isEqualByComparingTo("69.73");
        assertThat(peg.leggi("/api/obiettivi/" + a + "/valutazione?al=2023-06-30")).isEqualTo(monitoraggio);

        JsonNode persona = peg.leggi("/api/persone/valutazione?ente=" + ENTE + "&nome=verdi  luca&anno=2023");
        assertThat(persona.get("giorniTotali").asInt()).isEqualTo(365);
        assertThat(persona.get("grado").decimalValue()).isEqualByComparingTo("69.73");

        // objective B: one phase, 10% × 0.6 = 6, no indicators and no assessment by the nucleo: provisional
        JsonNode pegValutato = peg.leggi("/api/peg/2023/valutazione?ente=" + ENTE + "&al=2023-12-31");
        assertThat(pegValutato.get("obiettivi").asInt()).isEqualTo(2);
        assertThat(pegValutato.get("settori")).hasSize(2);
        assertThat(pegValutato.get("uffici")).hasSize(1);
        assertThat(pegValutato.get("media").decimalValue()).isEqualByComparingTo("37.87");
        assertThat(peg.get("/api/obiettivi/" + a + "/valutazione?al=31-12-2023").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void aFullReplayEqualsTheLiveProjections() throws InterruptedException {
        Map<String, JsonNode> prima = viste();
        assertThat(peg.prova("dirigente", "/api/admin/proiezioni/scheda/ricostruzione", Map.of()).getStatusCode().value())
                .isEqualTo(403);

        for (String proiezione : List.of("scheda", "storico")) {
            JsonNode avvio = peg.invia("amministratore", "/api/admin/proiezioni/" + proiezione + "/ricostruzione", Map.of());
            assertThat(avvio.get("totale").asLong()).isPositive();
        }
        long limite = System.nanoTime() + 60_000_000_000L;
        JsonNode stato;
        do {
            Thread.sleep(100);
            stato = rest.withBasicAuth("amministratore", "amministratore").getForObject("/api/admin/proiezioni", JsonNode.class);
        } while (inRicostruzione(stato) && System.nanoTime() < limite);
        assertThat(inRicostruzione(stato)).as("ricostruzione terminata: %s", stato).isFalse();
        assertThat(stato.get(0).get("fatti").asLong()).isEqualTo(stato.get(0).get("totale").asLong());
        assertThat(stato.get(0).get("letterMorte").asLong()).isZero();

        assertThat(viste()).isEqualTo(prima);
    }

    private static boolean inRicostruzione(JsonNode stato) {
        for (JsonNode p : stato) {
            if (p.get("inRicostruzione").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private Map<String, JsonNode> viste() {
        Map<String, JsonNode> viste = new LinkedHashMap<>();
        viste.put("a", peg.leggi("/api/obiettivi/" + a));
        viste.put("b", peg.leggi("/api/obiettivi/" + b));
        viste.put("elenco", peg.leggi("/api/obiettivi?ente=" + ENTE + "&anno=2023"));
        viste.put("storico", peg.leggi("/api/peg/2023/storico?ente=" + ENTE));
        viste.put("persona", peg.leggi("/api/persone/valutazione?ente=" + ENTE + "&nome=VERDI LUCA&anno=2023"));
        return viste;
    }
}
