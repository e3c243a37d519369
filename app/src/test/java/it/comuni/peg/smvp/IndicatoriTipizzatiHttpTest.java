package it.comuni.peg.smvp;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.EntiDiProva;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static it.comuni.peg.smvp.ValutazioneSmvpHttpTest.passi;
import static it.comuni.peg.smvp.ValutazioneSmvpHttpTest.uguale;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicators of every kind recorded through the API (a ratio with its numerator and denominator, a date
 * against a target date, a yes/no, a number against the previous year's actual found in the 2022 PEG by
 * its code), scored under the GZOOM example method of docs/smvp against the hand computation written
 * here; and the values that cannot be recorded, refused naming the field with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class IndicatoriTipizzatiHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    EntiDiProva enti;

    @Autowired
    JdbcTemplate jdbc;

    ClienteHttp http;

    static final String OBIETTIVO = """
            {"ente":"%s","anno":%d,"titolo":"Sportello unico dell'edilizia",
             "settore":{"codice":"SASTER","nome":"ASSETTO E GESTIONE DEL TERRITORIO","responsabile":"GENTILI LUCA"},
             "ufficio":{"codice":"UEDPRI","nome":"EDILIZIA PRIVATA","responsabile":"DEL FRATE GIOVANNI"},
             "pesoIndicatori":50,"pesoFasi":50}""";

    String obiettivo(String ente, int anno, List<String[]> comandi) throws Exception {
        Risposta creato = http.post("controllo", "/api/obiettivi", OBIETTIVO.formatted(ente, anno));
        assertThat(creato.stato()).as(creato.toString()).isEqualTo(201);
        String id = creato.json().get("id").asString();
        long versione = 0;
        for (String[] c : comandi) {
            Risposta r = http.post(c[0], "/api/obiettivi/" + id + c[1], c[2]);
            assertThat(r.stato()).as(c[1] + " " + c[2] + ": " + r).isEqualTo(200);
            versione = r.json().get("versione").asLong();
        }
        long attesa = versione;
        assertThat(Attesa.entro(Duration.ofSeconds(30), () -> {
            Risposta scheda = http.get("nucleo", "/api/obiettivi/" + id);
            return scheda.stato() == 200 && scheda.json().get("versione").asLong() == attesa;
        })).as("la proiezione raggiunge la versione " + attesa).isTrue();
        return id;
    }

    static JsonNode indicatore(JsonNode obiettivo, String codice) {
        for (JsonNode i : obiettivo.get("indicatori")) {
            if (i.get("codice").asString().equals(codice)) {
                return i;
            }
        }
        throw new AssertionError("manca l'indicatore " + codice + " in " + obiettivo);
    }

    private long eventi() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private void rifiutato(Risposta r, String campo, String messaggio) {
        assertThat(r.stato()).as(r.toString()).isEqualTo(400);
        assertThat(r.intestazione("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("errori").findValuesAsString("campo")).as(r.toString()).contains(campo);
        assertThat(r.corpo()).contains(messaggio).doesNotContain("Exception");
    }

    @Test
    void aRatioADateAYesNoAndLastYearsActualScoreAsComputedByHand() throws Exception {
        http = new ClienteHttp(porta);
        String ente = enti.prepara("c_smvp_t");
        String documento = Files.readString(Path.of("..", "docs", "smvp", "esempio-gzoom.yaml")).replace("ente: c_b648", "ente: " + ente);
        Risposta metodo = http.put("nucleo", "/api/valutazione/metodo-smvp?ente=" + ente + "&anno=2023&inVigoreDal=01/01/2023&motivazione="
                + URLEncoder.encode("Delibera di adozione del SMVP", StandardCharsets.UTF_8), documento, "application/yaml");
        assertThat(metodo.stato()).as(metodo.toString()).isEqualTo(200);

        // 2022: ACCESSI-SPORTELLO closed the year at 200
        obiettivo(ente, 2022, List.<String[]>of(
                new String[]{"controllo", "/indicatori", "{\"codice\":\"ACCESSI-SPORTELLO\",\"nome\":\"Accessi allo sportello\","
                        + "\"valoreAtteso\":190,\"direzione\":\"CRESCENTE\",\"peso\":100}"},
                new String[]{"dirigente", "/indicatori/ACCESSI-SPORTELLO/valori", "{\"valore\":200,\"dataRiferimento\":\"2022-12-31\"}"}));
        String id = obiettivo(ente, 2023, List.<String[]>of(
                new String[]{"controllo", "/indicatori", "{\"codice\":\"PRATICHE-EVASE\",\"nome\":\"Pratiche evase su presentate\","
                        + "\"valoreAtteso\":0.85,\"direzione\":\"CRESCENTE\",\"peso\":40}"},
                new String[]{"controllo", "/indicatori", "{\"codice\":\"PNRR-SCUOLA-MUSICA\",\"nome\":\"Tempistica del bando PNRR\","
                        + "\"dataAttesa\":\"2023-06-30\",\"direzione\":\"DECRESCENTE\",\"peso\":20}"},
                new String[]{"controllo", "/indicatori", "{\"codice\":\"CER-ATTO\",\"nome\":\"Atto costitutivo della comunità energetica\","
                        + "\"valoreAtteso\":1,\"direzione\":\"CRESCENTE\",\"peso\":20}"},
                new String[]{"controllo", "/indicatori", "{\"codice\":\"ACCESSI-SPORTELLO\",\"nome\":\"Accessi allo sportello\","
                        + "\"valoreAtteso\":220,\"direzione\":\"CRESCENTE\",\"peso\":20}"},
                new String[]{"dirigente", "/indicatori/PRATICHE-EVASE/valori",
                        "{\"numeratore\":31,\"denominatore\":40,\"periodo\":\"2023\",\"dataRiferimento\":\"2023-07-10\"}"},
                new String[]{"dirigente", "/indicatori/PNRR-SCUOLA-MUSICA/valori", "{\"data\":\"2023-06-15\",\"dataRiferimento\":\"2023-06-20\"}"},
                new String[]{"dirigente", "/indicatori/CER-ATTO/valori", "{\"si\":false,\"dataRiferimento\":\"2023-07-01\"}"},
                new String[]{"dirigente", "/indicatori/ACCESSI-SPORTELLO/valori", "{\"valore\":180,\"dataRiferimento\":\"2023-07-01\"}"}));

        Risposta r = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=31/12/2023");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        JsonNode o = r.json().get("esito").get("obiettivi").get(0);
        // PRATICHE-EVASE: 31 / 40 = 0,775; soglie minimo 0,7 → obiettivo 0,85 run 0 → 100: (0,775 − 0,7) / 0,15 × 100 = 50
        JsonNode pratiche = indicatore(o, "PRATICHE-EVASE");
        uguale(pratiche.get("esito"), "50");
        assertThat(passi(pratiche.get("esito"))).contains("31 / 40", "0,775");
        // PNRR-SCUOLA-MUSICA: done 15/06/2023, due 30/06/2023: 15 days early, below the band's 1 day: 100
        JsonNode pnrr = indicatore(o, "PNRR-SCUOLA-MUSICA");
        uguale(pnrr.get("esito"), "100");
        assertThat(passi(pnrr.get("esito"))).contains("15/06/2023", "30/06/2023");
        // CER-ATTO: no, expected yes (higher is better): 0
        uguale(indicatore(o, "CER-ATTO").get("esito"), "0");
        // ACCESSI-SPORTELLO against 2022's 200 found in the 2022 PEG: 180 / 200 × 100 = 90
        uguale(indicatore(o, "ACCESSI-SPORTELLO").get("esito"), "90");
        // no phases: the indicators count whole, (50 × 40 + 100 × 20 + 0 × 20 + 90 × 20) / 100 = 58 (GIALLO, 34–74)
        uguale(o.get("esito"), "58");
        assertThat(o.get("colore").asString()).isEqualTo("GIALLO");

        String base = "/api/obiettivi/" + id + "/indicatori/";
        long prima = eventi();
        rifiutato(http.post("dirigente", base + "PRATICHE-EVASE/valori",
                "{\"numeratore\":3,\"denominatore\":0,\"dataRiferimento\":\"2023-07-10\"}"), "denominatore", "zero");
        rifiutato(http.post("dirigente", base + "PNRR-SCUOLA-MUSICA/valori",
                "{\"valore\":15,\"dataRiferimento\":\"2023-07-10\"}"), "data", "registra valori di tipo data");
        rifiutato(http.post("dirigente", base + "CER-ATTO/valori",
                "{\"dataRiferimento\":\"2023-07-10\"}"), "valore", "Manca il valore");
        rifiutato(http.post("dirigente", base + "CER-ATTO/valori",
                "{\"si\":true,\"periodo\":\"2023-Q5\",\"dataRiferimento\":\"2023-07-10\"}"), "periodo", "non esiste");
        assertThat(eventi()).as("un valore rifiutato non aggiunge eventi").isEqualTo(prima);
    }
}
