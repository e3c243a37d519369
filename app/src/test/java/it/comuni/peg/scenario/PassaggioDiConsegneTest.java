package it.comuni.peg.scenario;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.OrologioDiProva;
import it.comuni.peg.support.OrologioMobile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handover of a settore on 1 July, end to end over HTTP with a clock moved by hand: GENTILI LUCA
 * (M001, user {@code dirigente}) holds SASTER until 30/06, BIANCHI ANNA (M002, {@code dirigente2}) from
 * 01/07. The day that counts is the day of recording: on 30/06 the former records June; from 01/07 he
 * is refused, for June as for July, and the new one records July (and June); his June consuntivo
 * stays, with his name, in the storico; the organigramma as of 30/06 shows him as responsabile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class,
        properties = OrologioDiProva.INIZIO + "=2025-01-02T08:00:00Z")
@ActiveProfiles("test")
@Import(OrologioDiProva.class)
class PassaggioDiConsegneTest {

    static final String ENTE = "c_passaggio";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
    }

    @LocalServerPort
    int porta;
    @Autowired
    OrologioMobile orologio;
    @Autowired
    EntiDiProva enti;
    @Autowired
    it.comuni.peg.query.organigramma.OrganigrammaQueries organigramma;

    @AfterEach
    void ripristina() {
        OrologioMobile.ripristinaGliEventi();
    }

    @Test
    void fromTheDayOfTheHandoverTheNewDirigenteRecordsAndTheFormerOneIsRefused() throws InterruptedException {
        orologio.timbraGliEventi();
        ClienteHttp http = new ClienteHttp(porta);
        orologio.vaiAlle("2025-01-10T09:00");
        enti.prepara(ENTE);
        // the storico names who acted from the read side's organigramma, as it knows it when it tells the event:
        // the people must be known there before they act (the projections are asynchronous)
        assertThat(Attesa.entro(Duration.ofSeconds(30), () -> organigramma.nomiPersone(ENTE, List.of("M001", "M002")).size() == 2))
                .as("l'organigramma della lettura conosce M001 e M002").isTrue();
        // the handover, decided in advance by decree: GENTILI LUCA's incarico ends on 30/06, BIANCHI ANNA's starts on 01/07
        ok(http.post("controllo", "/api/enti/" + ENTE + "/incarichi/" + ENTE + "-SASTER/termine",
                "{\"al\":\"2025-06-30\",\"atto\":\"Decreto sindacale n. 18/2025\"}"));
        ok(http.post("controllo", "/api/enti/" + ENTE + "/incarichi", "{\"incarico\":\"SASTER-2025-2\",\"struttura\":\"SASTER\","
                + "\"persona\":\"M002\",\"tipo\":\"TITOLARE\",\"dal\":\"2025-07-01\",\"atto\":\"Decreto sindacale n. 18/2025\"}"));
        Risposta definito = http.post("controllo", "/api/obiettivi", "{\"ente\":\"" + ENTE + "\",\"anno\":2025,\"titolo\":\"Sportello unico\","
                + "\"settore\":{\"codice\":\"SASTER\"},\"pesoIndicatori\":50,\"pesoFasi\":50}");
        assertThat(definito.stato()).as(definito.toString()).isEqualTo(201);
        String id = definito.json().get("id").asText();
        ok(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Avvio\",\"inizio\":\"2025-01-01\",\"fine\":\"2025-12-31\"}"));

        orologio.vaiAlle("2025-06-30T17:00");
        ok(consuntivo(http, "dirigente", id, "2025-06", 40));
        assertThat(consuntivo(http, "dirigente2", id, "2025-06", 45).stato()).as("il nuovo non ancora").isEqualTo(403);

        orologio.vaiAlle("2025-07-01T09:00");
        Risposta formerJune = consuntivo(http, "dirigente", id, "2025-05", 20);
        assertThat(formerJune.stato()).as(formerJune.toString()).isEqualTo(403);
        assertThat(formerJune.json().get("detail").asText()).contains("01/07/2025").contains("BIANCHI ANNA");
        assertThat(consuntivo(http, "dirigente", id, "2025-07", 50).stato()).isEqualTo(403);
        ok(consuntivo(http, "dirigente2", id, "2025-07", 55));
        // a month before the handover, recorded after it: the day of recording decides, so the new one may
        ok(consuntivo(http, "dirigente2", id, "2025-05", 20));

        // the former's June consuntivo stays, with his name; the new one's July and May with hers
        List<String> chi = new ArrayList<>();
        assertThat(Attesa.entro(Duration.ofSeconds(30), () -> {
            chi.clear();
            JsonNode storico = http.get("nucleo", "/api/obiettivi/" + id + "/storico").json();
            storico.get("voci").forEach(v -> {
                if (v.get("tipo").asText().equals("CONSUNTIVO_REGISTRATO")) {
                    chi.add(v.get("chi").asText());
                }
            });
            return chi.size() == 3;
        })).as("lo storico con i tre consuntivi: " + chi).isTrue();
        assertThat(chi.get(0)).contains("GENTILI LUCA").contains("M001").contains("SASTER");
        assertThat(chi.get(1)).contains("BIANCHI ANNA").contains("M002").contains("SASTER");
        assertThat(chi.get(2)).contains("BIANCHI ANNA");
        JsonNode scheda = http.get("nucleo", "/api/obiettivi/" + id).json();
        assertThat(scheda.get("fasi").get(0).toString()).contains("2025-06").contains("2025-07").contains("2025-05");

        // as of 30 June the former is the settore's responsabile; from 1 July the new one
        assertThat(responsabili(http, "2025-06-30")).containsExactly("GENTILI LUCA");
        assertThat(responsabili(http, "2025-07-01")).containsExactly("BIANCHI ANNA");
    }

    private List<String> responsabili(ClienteHttp http, String giorno) {
        List<String> nomi = new ArrayList<>();
        http.get("nucleo", "/api/enti/" + ENTE + "/organigramma?al=" + giorno).json().get("strutture").forEach(s -> {
            if (s.get("codice").asText().equals("SASTER")) {
                s.get("responsabili").forEach(r -> nomi.add(r.get("nome").asText()));
            }
        });
        return nomi;
    }

    private static Risposta consuntivo(ClienteHttp http, String utente, String id, String mese, int percentuale) {
        return http.post(utente, "/api/obiettivi/" + id + "/fasi/1/consuntivi",
                "{\"mese\":\"" + mese + "\",\"svolta\":true,\"percentuale\":" + percentuale + "}");
    }

    private static void ok(Risposta r) {
        assertThat(r.stato()).as(r.toString()).isBetween(200, 299);
    }
}
