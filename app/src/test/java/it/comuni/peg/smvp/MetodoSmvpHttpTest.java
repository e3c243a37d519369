package it.comuni.peg.smvp;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.EntiDiProva;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ente's SMVP over HTTP: versions recorded from a YAML or JSON document, the one in force at a
 * date read back in either, the differences between two versions, and what is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class MetodoSmvpHttpTest {

    static final String ENTE = "c_smvp_v";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    EntiDiProva enti;

    static String esempio(String nome, String ente) throws Exception {
        return Files.readString(Path.of("..", "docs", "smvp", nome)).replace("ente: c_b648", "ente: " + ente);
    }

    static String put(String ente, String inVigoreDal, String motivazione) {
        return "/api/valutazione/metodo-smvp?ente=" + ente + "&anno=2023&inVigoreDal=" + inVigoreDal
                + "&motivazione=" + URLEncoder.encode(motivazione, StandardCharsets.UTF_8);
    }

    @Test
    void versionsAreRecordedReadBackAtADateAndCompared() throws Exception {
        enti.prepara(ENTE);
        ClienteHttp http = new ClienteHttp(porta);
        String yaml = esempio("esempio-gzoom.yaml", ENTE);

        Risposta prima = http.put("nucleo", put(ENTE, "01/01/2023", "Delibera G.C. n. 12 del 30/01/2023"), yaml, "application/yaml");
        assertThat(prima.stato()).as(prima.toString()).isEqualTo(200);

        // the second version, as JSON: phases weigh 60 by default (the first pair in the document), a month late costs 15
        String json = http.get("nucleo", "/api/valutazione/metodo-smvp?ente=" + ENTE + "&anno=2023&al=2023-03-15").corpo()
                .replaceFirst("\"pesoFasi\" : 50", "\"pesoFasi\" : 60").replaceFirst("\"pesoIndicatori\" : 50", "\"pesoIndicatori\" : 40")
                .replace("\"penalitaMese\" : 10", "\"penalitaMese\" : 15");
        assertThat(json).contains("\"pesoFasi\" : 60", "\"penalitaMese\" : 15");
        Risposta seconda = http.put("controllo", put(ENTE, "2023-07-01", "Delibera G.C. n. 80 del 20/06/2023"), json, "application/json");
        assertThat(seconda.stato()).as(seconda.toString()).isEqualTo(200);

        // a dirigente may not set it
        Risposta dirigente = http.put("dirigente", put(ENTE, "01/09/2023", "Prova"), yaml, "application/yaml");
        assertThat(dirigente.stato()).as(dirigente.toString()).isEqualTo(403);
        // whatever the document says: the role is checked before the document is read
        Risposta rotto = http.put("dirigente", put(ENTE, "01/09/2023", "Prova"), "pesoFasi: [non, chiuso", "application/yaml");
        assertThat(rotto.stato()).as(rotto.toString()).isEqualTo(403);
        assertThat(rotto.corpo()).doesNotContain("pesoFasi");

        // in force on 15/03: the first, in YAML when asked so
        Risposta marzo = http.get("nucleo", "/api/valutazione/metodo-smvp?ente=" + ENTE + "&anno=2023&al=15/03/2023",
                Map.of("Accept", "application/yaml"));
        assertThat(marzo.stato()).as(marzo.toString()).isEqualTo(200);
        assertThat(marzo.intestazione("Content-Type")).startsWith("application/yaml");
        assertThat(marzo.intestazione("SMVP-Versione")).isEqualTo("1");
        assertThat(marzo.intestazione("SMVP-In-Vigore-Dal")).isEqualTo("2023-01-01");
        assertThat(marzo.corpo()).contains("penalitaMese: 10", "pesoFasi: 50", "ente: " + ENTE);
        // from 01/07: the second, in JSON by default
        Risposta luglio = http.get("nucleo", "/api/valutazione/metodo-smvp?ente=" + ENTE + "&anno=2023&al=01/07/2023");
        assertThat(luglio.intestazione("SMVP-Versione")).isEqualTo("2");
        assertThat(luglio.json().get("fasi").get("ritardo").get("penalitaMese").asInt()).isEqualTo(15);
        assertThat(luglio.intestazione("SMVP-Impronta")).matches("[0-9a-f]{64}").isNotEqualTo(marzo.intestazione("SMVP-Impronta"));
        // as known at an instant before anything was recorded: none
        Risposta allora = http.get("nucleo", "/api/valutazione/metodo-smvp?ente=" + ENTE + "&anno=2023&al=01/07/2023&asOf=2023-07-01");
        assertThat(allora.stato()).as(allora.toString()).isEqualTo(404);
        assertThat(allora.json().get("detail").asString()).isEqualTo("Nessun metodo SMVP dell'ente " + ENTE
                + " per il 2023 in vigore al 01/07/2023");
        assertThat(http.get("nucleo", "/api/valutazione/metodo-smvp?ente=" + ENTE + "&anno=2023&al=31/12/2022").stato()).isEqualTo(404);

        Risposta versioni = http.get("nucleo", "/api/valutazione/metodo-smvp/versioni?ente=" + ENTE + "&anno=2023");
        assertThat(versioni.json().size()).isEqualTo(2);
        assertThat(versioni.json().get(1).get("motivazione").asString()).isEqualTo("Delibera G.C. n. 80 del 20/06/2023");

        Risposta differenze = http.get("nucleo", "/api/valutazione/metodo-smvp/differenze?ente=" + ENTE + "&anno=2023&da=1&a=2");
        assertThat(differenze.stato()).as(differenze.toString()).isEqualTo(200);
        List<String> righe = new ArrayList<>();
        for (JsonNode d : differenze.json().get("differenze")) {
            righe.add(d.get("percorso").asString() + " " + d.get("prima") + " → " + d.get("dopo"));
        }
        assertThat(righe).containsExactly("$.fasi.ritardo.penalitaMese 10 → 15", "$.pesoFasi 50 → 60", "$.pesoIndicatori 50 → 40");
        assertThat(http.get("nucleo", "/api/valutazione/metodo-smvp/differenze?ente=" + ENTE + "&anno=2023&da=1&a=7").stato())
                .isEqualTo(404);
    }

    @Test
    void aBrokenDocumentIsRefusedWithEveryErrorAndItsPathAndNothingRecorded() throws Exception {
        String ente = enti.prepara("c_smvp_e");
        ClienteHttp http = new ClienteHttp(porta);
        String rotto = esempio("esempio-gzoom.yaml", ente)
                .replace("pesoIndicatori: 50\nvaloreMancante", "pesoIndicatori: 40\nvaloreMancante")
                .replace("      minimo: 0.7\n", "      minimo: 0.9\n")
                .replace("conversione: rispetto-anno-precedente", "conversione: inesistente");
        Risposta r = http.put("nucleo", put(ente, "01/01/2023", "Delibera"), rotto, "application/yaml");
        assertThat(r.stato()).as(r.toString()).isEqualTo(400);
        assertThat(r.intestazione("Content-Type")).startsWith("application/problem+json");
        List<String> campi = new ArrayList<>();
        r.json().get("errori").forEach(e -> campi.add(e.get("campo").asString()));
        assertThat(campi).as(r.toString()).hasSize(3)
                .anyMatch(c -> c.startsWith("$.pesoIndicatori") || c.equals("$"))
                .anyMatch(c -> c.startsWith("$.indicatori[3].soglie"))
                .anyMatch(c -> c.startsWith("$.indicatori[4].conversione"));
        // another ente's method is refused too, naming $.ente
        Risposta altro = http.put("nucleo", put(ente, "01/01/2023", "Delibera"), esempio("esempio-gzoom.yaml", "c_b648"), "application/yaml");
        assertThat(altro.stato()).as(altro.toString()).isEqualTo(400);
        assertThat(altro.json().get("errori").get(0).get("campo").asString()).isEqualTo("$.ente");
        // a date that is no date
        Risposta data = http.put("nucleo", put(ente, "31/02/2023", "Delibera"), esempio("esempio-gzoom.yaml", ente), "application/yaml");
        assertThat(data.stato()).as(data.toString()).isEqualTo(400);
        assertThat(data.json().get("errori").get(0).get("campo").asString()).isEqualTo("inVigoreDal");
        assertThat(http.get("nucleo", "/api/valutazione/metodo-smvp/versioni?ente=" + ente + "&anno=2023").json().size()).isZero();
    }

    @Test
    void whateverTheBodyTheAnswerIsAnItalianProblemNeverA500() throws Exception {
        String ente = enti.prepara("c_smvp_x");
        ClienteHttp http = new ClienteHttp(porta);
        String percorso = put(ente, "01/01/2023", "Delibera");
        List<String[]> corpi = List.of(
                new String[]{"", "application/yaml"},
                new String[]{"{{{", "application/json"},
                new String[]{"- solo\n- un elenco\n", "application/yaml"},
                new String[]{"[".repeat(5_000), "application/yaml"},
                new String[]{"formato: 1\nformato: 1\n", "application/yaml"},
                new String[]{"\u0000\u00ff\ufffd", "application/json"},
                new String[]{"chiave: [1, 2", "application/yaml"});
        for (String[] c : corpi) {
            Risposta r = http.put("nucleo", percorso, c[0], c[1]);
            assertThat(r.stato()).as(c[0].length() > 40 ? c[0].substring(0, 40) : c[0]).isEqualTo(400);
            assertThat(r.intestazione("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(r.toString()).isNotBlank();
        }
        Risposta testo = http.put("nucleo", percorso, "formato: 1", "text/plain");
        assertThat(testo.stato()).as(testo.toString()).isEqualTo(415);
        assertThat(http.get("nucleo", "/api/valutazione/metodo-smvp/versioni?ente=" + ente + "&anno=2023").json().size()).isZero();
    }
}
