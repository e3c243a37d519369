package it.comuni.peg.organigramma;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.query.organigramma.Enti;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.replay.Ricostruzioni;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ente's organigramma over real HTTP on a real MariaDB: registered by the installation's
 * administrator, built by the ente's controllo di gestione, a handover on 1 July read as of 30 June
 * and 1 July, an overlap refused with Italian dates and nothing recorded, the command side's
 * {@link Organigrammi} up to date the moment a command returns, and every other ente's user told the
 * ente does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("organigramma")
class OrganigrammaHttpTest {

    static final String ENTE = "c_org1";
    static final String GENTILI = "GNTLCU70A01H501X";
    static final String BIANCHI = "M002";
    static final String CONTROLLO = "controllo-org";
    static final String AMMINISTRATORE = "amministratore-org";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessiUtenti accessi;
    @Autowired
    Organigrammi organigrammi;
    @Autowired
    Enti enti;
    @Autowired
    Ricostruzioni ricostruzioni;

    @Test
    void aHandoverOnTheFirstOfJulyReadAsOfEachDayAndAnOverlapRefused() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        accessi.concedi(CONTROLLO, new Accesso(ENTE, Ruolo.CONTROLLO_GESTIONE, null), "test");
        accessi.concedi("dirigente-org", new Accesso(ENTE, Ruolo.DIRIGENTE, GENTILI), "test");
        accessi.concedi("controllo-altro", new Accesso("c_org2", Ruolo.CONTROLLO_GESTIONE, null), "test");

        // the ente: only the installation's administrator registers it
        String ente = """
                {"ente":"C_ORG1","nome":"Comune di Prova Organigramma","codiceIstat":"046099",
                 "denominazioniPrecedenti":["Comune di Prova Org"]}""";
        assertThat(http.post(CONTROLLO, "/api/enti", ente).stato()).isEqualTo(403);
        Risposta registrato = http.post(AMMINISTRATORE, "/api/enti", ente);
        assertThat(registrato.stato()).as(registrato.toString()).isEqualTo(201);
        assertThat(registrato.json().get("ente").asText()).isEqualTo(ENTE);
        assertThat(registrato.intestazione("Location")).isEqualTo("/api/enti/c_org1/organigramma");
        assertThat(organigrammi.codiceEnte("Comune di Prova Org")).contains(ENTE);

        // settori, uffici, persone, as the ente's controllo di gestione
        ok(http.post(CONTROLLO, "/api/enti/c_org1/strutture",
                "{\"codice\":\"SASTER\",\"nome\":\"ASSETTO DEL TERRITORIO\",\"tipo\":\"SETTORE\",\"dal\":\"2024-01-01\"}"), 201);
        ok(http.post(CONTROLLO, "/api/enti/c_org1/strutture",
                "{\"codice\":\"UEDPRI\",\"nome\":\"EDILIZIA PRIVATA\",\"tipo\":\"UFFICIO\",\"settore\":\"SASTER\",\"dal\":\"2024-01-01\"}"), 201);
        ok(http.post(CONTROLLO, "/api/enti/c_org1/persone", "{\"identificativo\":\"gntlcu70a01h501x\",\"nome\":\"Gentili Luca\"}"), 201);
        ok(http.post(CONTROLLO, "/api/enti/c_org1/persone", "{\"identificativo\":\"M002\",\"nome\":\"BIANCHI ANNA\"}"), 201);

        // GENTILI from 1 January, until further notice; then the handover: ends 30 June, BIANCHI from 1 July
        Risposta primo = ok(http.post(CONTROLLO, "/api/enti/c_org1/incarichi", """
                {"struttura":"SASTER","persona":"GNTLCU70A01H501X","tipo":"TITOLARE","dal":"2024-01-01",
                 "atto":"Decreto sindacale n. 12/2024"}"""), 201);
        String incaricoA = primo.json().get("voce").asText();
        assertThat(incaricoA).matches("[0-9a-f-]{36}");
        ok(http.post(CONTROLLO, "/api/enti/c_org1/incarichi/" + incaricoA + "/termine",
                "{\"al\":\"2024-06-30\",\"atto\":\"Decreto sindacale n. 30/2024\"}"), 200);
        ok(http.post(CONTROLLO, "/api/enti/c_org1/incarichi", """
                {"incarico":"B","struttura":"SASTER","persona":"M002","tipo":"TITOLARE","dal":"2024-07-01",
                 "atto":"Decreto sindacale n. 31/2024"}"""), 201);

        // the command side knows at once: a handover just recorded counts for the very next command
        assertThat(organigrammi.responsabili(ENTE, "SASTER", LocalDate.of(2024, 6, 30))).containsExactly(GENTILI);
        assertThat(organigrammi.responsabili(ENTE, "SASTER", LocalDate.of(2024, 7, 1))).containsExactly(BIANCHI);
        assertThat(organigrammi.responsabili(ENTE, "UEDPRI", LocalDate.of(2024, 7, 1))).isEmpty();
        assertThat(organigrammi.struttura(ENTE, "UEDPRI")).hasValueSatisfying(s -> {
            assertThat(s.ufficio()).isTrue();
            assertThat(s.settore()).isEqualTo("SASTER");
        });
        assertThat(organigrammi.persona(ENTE, GENTILI)).hasValueSatisfying(p -> assertThat(p.nome()).isEqualTo("GENTILI LUCA"));

        // an overlap: 409 with both periods in Italian, and nothing recorded anywhere
        long eventi = eventi(ENTE);
        Risposta sovrapposto = http.post(CONTROLLO, "/api/enti/c_org1/incarichi", """
                {"struttura":"SASTER","persona":"M002","tipo":"INTERIM","dal":"2024-06-01","al":"2024-06-15",
                 "atto":"Decreto sindacale n. 20/2024"}""");
        assertThat(sovrapposto.stato()).as(sovrapposto.toString()).isEqualTo(409);
        assertThat(sovrapposto.json().get("detail").asText())
                .isEqualTo("La struttura SASTER ha già un responsabile dal 01/01/2024 al 30/06/2024 (GENTILI LUCA):"
                        + " l'incarico dal 01/06/2024 al 15/06/2024 si sovrappone");
        assertThat(eventi(ENTE)).isEqualTo(eventi);
        assertThat(organigrammi.responsabili(ENTE, "SASTER", LocalDate.of(2024, 6, 10))).containsExactly(GENTILI);

        // bad input: dates backwards name the field; unknown codes are named
        Risposta rovescio = http.post(CONTROLLO, "/api/enti/c_org1/incarichi", """
                {"struttura":"UEDPRI","persona":"M002","tipo":"TITOLARE","dal":"2024-06-01","al":"2024-05-01","atto":"D"}""");
        assertThat(rovescio.stato()).isEqualTo(400);
        assertThat(rovescio.json().get("errori").get(0).get("campo").asText()).isEqualTo("al");
        Risposta ignota = http.post(CONTROLLO, "/api/enti/c_org1/incarichi", """
                {"struttura":"SXXX","persona":"M002","tipo":"TITOLARE","dal":"2024-06-01","atto":"D"}""");
        assertThat(ignota.stato()).isEqualTo(404);
        assertThat(ignota.json().get("detail").asText()).isEqualTo("Struttura SXXX non trovata nell'ente c_org1");
        assertThat(eventi(ENTE)).isEqualTo(eventi);

        // who may: a dirigente of the ente is refused, another ente's user and an unregistered ente get 404 naming it
        assertThat(http.post("dirigente-org", "/api/enti/c_org1/persone", "{\"identificativo\":\"M003\",\"nome\":\"X\"}").stato())
                .isEqualTo(403);
        Risposta altrui = http.post("controllo-altro", "/api/enti/c_org1/persone", "{\"identificativo\":\"M003\",\"nome\":\"X\"}");
        assertThat(altrui.stato()).isEqualTo(404);
        assertThat(altrui.json().get("detail").asText()).isEqualTo("Ente c_org1 non trovato");
        Risposta nessuno = http.post(CONTROLLO, "/api/enti/c_nessuno/persone", "{\"identificativo\":\"M003\",\"nome\":\"X\"}");
        assertThat(nessuno.stato()).isEqualTo(404);
        assertThat(nessuno.json().get("detail").asText()).isEqualTo("Ente c_nessuno non trovato");
        assertThat(eventi(ENTE)).isEqualTo(eventi);

        // a former name belongs to one ente: a second ente claiming it is refused and not registered
        Risposta conteso = http.post(AMMINISTRATORE, "/api/enti",
                "{\"ente\":\"c_org2\",\"nome\":\"Altro comune\",\"denominazioniPrecedenti\":[\"COMUNE DI PROVA ORG\"]}");
        assertThat(conteso.stato()).as(conteso.toString()).isEqualTo(409);
        assertThat(conteso.json().get("detail").asText()).contains("è già dell'ente c_org1");
        assertThat(eventi("c_org2")).isZero();
        assertThat(organigrammi.codiceEnte("c_org2")).isEmpty();

        // the events say in which ente, as whom
        String metadati = jdbc.queryForObject("SELECT CAST(meta_data AS CHAR) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%StrutturaIstituita' ORDER BY sequence_number LIMIT 1", String.class, ENTE);
        assertThat(metadati).contains("\"ente\":\"c_org1\"").contains("\"ruolo\":\"CONTROLLO_GESTIONE\"").contains("\"utente\":\"controllo-org\"");

        // the read side, as of 30 June and as of 1 July
        JsonNode giugno = attendi(http, "/api/enti/c_org1/organigramma?al=2024-06-30",
                o -> responsabili(o, "SASTER").equals(List.of(GENTILI)));
        assertThat(giugno.get("nome").asText()).isEqualTo("Comune di Prova Organigramma");
        assertThat(struttura(giugno, "UEDPRI").get("vacante").asBoolean()).isTrue();
        JsonNode luglio = attendi(http, "/api/enti/c_org1/organigramma?al=2024-07-01",
                o -> responsabili(o, "SASTER").equals(List.of(BIANCHI)));
        JsonNode bianchi = struttura(luglio, "SASTER").get("responsabili").get(0);
        assertThat(bianchi.get("nome").asText()).isEqualTo("BIANCHI ANNA");
        assertThat(bianchi.get("dal").asText()).isEqualTo("2024-07-01");
        assertThat(bianchi.get("atto").asText()).isEqualTo("Decreto sindacale n. 31/2024");
        assertThat(luglio.get("persone")).hasSize(2);
        assertThat(attendi(http, "/api/enti/c_org1/organigramma?al=2023-12-31", o -> true).get("strutture")).isEmpty();

        JsonNode storia = ok(http.get(CONTROLLO, "/api/enti/c_org1/incarichi?struttura=SASTER"), 200).json();
        assertThat(storia.get("incarichi")).extracting(i -> i.get("identificativo").asText() + " " + i.get("dal").asText() + " "
                // the API leaves out what is null: no "al" is an incarico without end
                + (i.has("al") ? i.get("al").asText() : "senza termine"))
                .containsExactly(GENTILI + " 2024-01-01 2024-06-30", BIANCHI + " 2024-07-01 senza termine");
        assertThat(http.get(CONTROLLO, "/api/enti/c_org1/incarichi?struttura=SXXX").stato()).isEqualTo(404);
        assertThat(http.get("dirigente-org", "/api/enti/c_org1/organigramma").stato()).isEqualTo(200);
        Risposta letturaAltrui = http.get("controllo-altro", "/api/enti/c_org1/organigramma");
        assertThat(letturaAltrui.stato()).isEqualTo(404);
        assertThat(letturaAltrui.json().get("detail").asText()).isEqualTo("Ente c_org1 non trovato");

        // the read side maps a former name (as people write it) to the code
        assertThat(enti.codice("comune di prova org")).contains(ENTE);
        assertThat(enti.nome(ENTE)).contains("Comune di Prova Organigramma");

        // listed among the projections, and rebuilt from the events to the same reads
        assertThat(ok(http.get(AMMINISTRATORE, "/api/admin/proiezioni"), 200).corpo()).contains("\"organigramma\"");
        ricostruzioni.avvia(Proiezioni.ORGANIGRAMMA);
        assertThat(ricostruzioni.attendi(Proiezioni.ORGANIGRAMMA, Duration.ofSeconds(30))).isTrue();
        JsonNode ricostruito = ok(http.get(CONTROLLO, "/api/enti/c_org1/organigramma?al=2024-07-01"), 200).json();
        assertThat(ricostruito).isEqualTo(luglio);
    }

    private long eventi(String aggregato) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregato);
    }

    private static Risposta ok(Risposta r, int stato) {
        assertThat(r.stato()).as(r.toString()).isEqualTo(stato);
        return r;
    }

    private static JsonNode struttura(JsonNode organigramma, String codice) {
        for (JsonNode s : organigramma.get("strutture")) {
            if (s.get("codice").asText().equals(codice)) {
                return s;
            }
        }
        throw new AssertionError("Struttura " + codice + " assente: " + organigramma);
    }

    private static List<String> responsabili(JsonNode organigramma, String codice) {
        List<String> chi = new ArrayList<>();
        for (JsonNode s : organigramma.get("strutture")) {
            if (s.get("codice").asText().equals(codice)) {
                s.get("responsabili").forEach(r -> chi.add(r.get("identificativo").asText()));
            }
        }
        return chi;
    }

    /** The read once the projection has caught up with what the test expects (a streaming processor), within 20 s. */
    private static JsonNode attendi(ClienteHttp http, String percorso, Predicate<JsonNode> pronto) throws InterruptedException {
        long limite = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Risposta ultima = null;
        while (System.nanoTime() < limite) {
            ultima = http.get(CONTROLLO, percorso);
            if (ultima.stato() == 200 && pronto.test(ultima.json())) {
                return ultima.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("La proiezione non ha raggiunto lo stato atteso: " + ultima);
    }
}
