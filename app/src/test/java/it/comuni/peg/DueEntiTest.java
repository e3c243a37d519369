package it.comuni.peg;

import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.SessioneWeb;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two comuni in one store, each imported from a print: the nucleo of A alone gets 404 for every
 * route of B (its objectives, its PEG, its exports, its pages) and finds A unchanged; a nucleo serving
 * both sees both, each on its own (no objective, score or person of one ente in the other's answers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class DueEntiTest {

    static final String A = "c_due_a";
    static final String B = "c_due_b";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    EntiDiProva enti;

    @Autowired
    AccessiUtenti accessi;

    @Test
    void theNucleoOfOneEnteGets404ForEveryRouteOfTheOtherAndOneServingBothSeesEachOnItsOwn() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        enti.prepara(A, "controllo", "nucleo");
        enti.prepara(B, new String[0]);
        accessi.concedi("altro.controllo", new Accesso(B, Ruolo.CONTROLLO_GESTIONE, null), "test");
        // altro.nucleo serves both comuni
        accessi.concedi("altro.nucleo", new Accesso(A, Ruolo.NUCLEO, null), "test");
        accessi.concedi("altro.nucleo", new Accesso(B, Ruolo.NUCLEO, null), "test");
        byte[] stampa = Files.readAllBytes(Path.of("..", "docs", "peg", "capannori-2023-obiettivi-peg-straordinari.txt"));

        Risposta importataA = http.postFile("controllo", "/api/import?ente=" + A + "&anno=2023", "stampa.txt", "text/plain", stampa, Map.of());
        assertThat(importataA.stato()).as(importataA.toString()).isEqualTo(200);
        List<String> obiettiviA = obiettivi(http, "nucleo", A, 41);
        // the home page of A's nucleo shows A's PEG before and after B is imported
        SessioneWeb nucleoA = new SessioneWeb(porta, "nucleo");
        String casaPrima = nucleoA.leggi("/peg").corpo();
        assertThat(casaPrima).contains(A);

        Risposta importataB = http.postFile("altro.controllo", "/api/import?ente=" + B + "&anno=2023", "stampa.txt", "text/plain", stampa, Map.of());
        assertThat(importataB.stato()).as(importataB.toString()).isEqualTo(200);
        // the controllo di gestione of A cannot import into B, nor learn that B exists
        assertThat(http.postFile("controllo", "/api/import?ente=" + B + "&anno=2023", "stampa.txt", "text/plain", stampa, Map.of()).stato())
                .isEqualTo(404);
        List<String> obiettiviB = obiettivi(http, "altro.nucleo", B, 41);
        assertThat(obiettiviB).doesNotContainAnyElementsOf(obiettiviA);

        int rotte = 0;
        for (String id : obiettiviB) {
            for (String percorso : List.of("/api/obiettivi/" + id, "/api/obiettivi/" + id + "?asOf=2030-01-01",
                    "/api/obiettivi/" + id + "/storico", "/api/obiettivi/" + id + "/differenze?da=2020-01-01&a=2030-01-01",
                    "/api/obiettivi/" + id + "/valutazione")) {
                Risposta negata = http.get("nucleo", percorso);
                assertThat(negata.stato()).as(percorso + " " + negata).isEqualTo(404);
                assertThat(negata.corpo()).doesNotContain(B);
                assertThat(http.get("altro.nucleo", percorso).stato()).as(percorso).isEqualTo(200);
                rotte++;
            }
            for (String pagina : List.of("/obiettivi/" + id, "/obiettivi/" + id + "/storico", "/stampa/obiettivi/" + id,
                    "/valutazione/obiettivi/" + id)) {
                assertThat(nucleoA.leggi(pagina).stato()).as(pagina).isEqualTo(404);
                rotte++;
            }
        }
        for (String percorso : List.of("/api/obiettivi?ente=" + B + "&anno=2023", "/api/peg/2023/valutazione?ente=" + B,
                "/api/peg/2023/storico?ente=" + B, "/api/peg/2023/differenze?ente=" + B + "&da=2020-01-01&a=2030-01-01",
                "/api/persone/valutazione?ente=" + B + "&nome=GENTILI%20LUCA&anno=2023", "/api/peg/2023/csv?ente=" + B,
                "/api/peg/2023/valutazione.csv?ente=" + B, "/api/peg/2023/valutazione/settori.csv?ente=" + B,
                "/api/peg/2023/valutazione/persone.csv?ente=" + B, "/api/audit/verifica?ente=" + B,
                "/api/enti/" + B + "/organigramma", "/api/enti/" + B + "/incarichi?struttura=SASTER")) {
            assertThat(http.get("nucleo", percorso).stato()).as(percorso).isEqualTo(404);
            assertThat(http.get("altro.nucleo", percorso).stato()).as(percorso).isEqualTo(200);
            rotte++;
        }
        for (String pagina : List.of("/peg?ente=" + B, "/peg?ente=" + B + "&anno=2023", "/stampa?ente=" + B, "/stampa/peg?ente=" + B,
                "/valutazione?ente=" + B)) {
            assertThat(nucleoA.leggi(pagina).stato()).as(pagina).isEqualTo(404);
            rotte++;
        }
        System.out.println("Due enti: " + rotte + " letture di B negate al nucleo di A");

        // A's own answers are A's alone, for the nucleo of A and for the one serving both
        for (String utente : List.of("nucleo", "altro.nucleo")) {
            JsonNode pegA = http.get(utente, "/api/obiettivi?ente=" + A + "&anno=2023").json();
            assertThat(pegA.get("ente").asText()).isEqualTo(A);
            assertThat(pegA.get("obiettivi")).hasSize(41);
            pegA.get("obiettivi").forEach(o -> assertThat(obiettiviA).contains(o.get("id").asText()));
            JsonNode persona = http.get(utente, "/api/persone/valutazione?ente=" + A + "&nome=GENTILI%20LUCA&anno=2023").json();
            persona.get("obiettivi").forEach(q -> assertThat(obiettiviA).contains(q.get("obiettivoId").asText()));
        }
        // B's person score counts B's objectives only, though the same name is in both prints
        JsonNode personaB = http.get("altro.nucleo", "/api/persone/valutazione?ente=" + B + "&nome=GENTILI%20LUCA&anno=2023").json();
        assertThat(personaB.get("obiettivi")).isNotEmpty();
        personaB.get("obiettivi").forEach(q -> assertThat(obiettiviB).contains(q.get("obiettivoId").asText()));
        // importing B changed nothing on the home page of A's nucleo
        assertThat(nucleoA.leggi("/peg").corpo()).contains(A).doesNotContain(B);
        // the one serving both chooses: each ente's PEG on its own
        SessioneWeb entrambi = new SessioneWeb(porta, "altro.nucleo");
        assertThat(entrambi.leggi("/peg?ente=" + B).stato()).isEqualTo(200);
        assertThat(entrambi.leggi("/peg").corpo()).contains("id=\"scelta-ente\"");
    }

    private static List<String> obiettivi(ClienteHttp http, String utente, String ente, int quanti) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        assertThat(Attesa.entro(Duration.ofSeconds(60), () -> {
            Risposta r = http.get(utente, "/api/obiettivi?ente=" + ente + "&anno=2023");
            return r.stato() == 200 && r.json().get("obiettivi").size() == quanti;
        })).as("i " + quanti + " obiettivi di " + ente + " proiettati").isTrue();
        http.get(utente, "/api/obiettivi?ente=" + ente + "&anno=2023").json().get("obiettivi").forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }
}
