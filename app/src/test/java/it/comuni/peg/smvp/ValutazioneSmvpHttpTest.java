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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One objective of 2023, recorded through the API with two phases and two indicators, scored under
 * each example method of docs/smvp (GZOOM's defaults in one ente, PERFORM+'s in another), against the
 * hand computation written in each test. The same scores come from the live projection and from the
 * events replayed up to the same instant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class ValutazioneSmvpHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    EntiDiProva enti;

    ClienteHttp http;

    static final String OBIETTIVO = """
            {"ente":"%s","anno":2023,"titolo":"Diminuzione tempi di verifica delle SCIA",
             "settore":{"codice":"SASTER","nome":"ASSETTO E GESTIONE DEL TERRITORIO","responsabile":"GENTILI LUCA"},
             "ufficio":{"codice":"UEDPRI","nome":"EDILIZIA PRIVATA","responsabile":"DEL FRATE GIOVANNI"},
             "pesoIndicatori":50,"pesoFasi":50}""";

    /**
     * The facts, the same in both enti: phase 1 planned to end 31/03/2023 and completed 10/05/2023 (40
     * days late); phase 2 planned to end 31/12/2023, not completed, 60% in the consuntivo of June 2023;
     * SCIA-GG (days, lower is better) target 28, weight 60, values 36 (10/02), 32 (20/05), 28 (15/08), 20
     * (10/11); CER-ATTO (yes/no) target yes, weight 40, yes on 20/12/2023.
     *
     * @return the objective's id
     */
    String obiettivo(String ente) throws Exception {
        Risposta creato = http.post("controllo", "/api/obiettivi", OBIETTIVO.formatted(ente));
        assertThat(creato.stato()).as(creato.toString()).isEqualTo(201);
        String id = creato.json().get("id").asString();
        String base = "/api/obiettivi/" + id;
        List<Risposta> risposte = List.of(
                http.post("controllo", base + "/fasi", "{\"numero\":1,\"titolo\":\"Analisi\",\"inizio\":\"2023-01-01\",\"fine\":\"2023-03-31\"}"),
                http.post("controllo", base + "/fasi", "{\"numero\":2,\"titolo\":\"Nuova procedura\",\"inizio\":\"2023-01-01\",\"fine\":\"2023-12-31\"}"),
                http.post("dirigente", base + "/fasi/1/completamento", "{\"data\":\"2023-05-10\",\"atto\":\"Determinazione n. 200\"}"),
                http.post("dirigente", base + "/fasi/2/consuntivi", "{\"mese\":\"2023-06\",\"svolta\":true,\"percentuale\":60}"),
                http.post("controllo", base + "/indicatori", "{\"codice\":\"SCIA-GG\",\"nome\":\"Media giorni di istruttoria delle SCIA\","
                        + "\"unita\":\"giorni\",\"valoreAtteso\":28,\"direzione\":\"DECRESCENTE\",\"peso\":60}"),
                http.post("controllo", base + "/indicatori", "{\"codice\":\"CER-ATTO\",\"nome\":\"Atto costitutivo della comunità energetica\","
                        + "\"valoreAtteso\":1,\"direzione\":\"CRESCENTE\",\"peso\":40}"),
                http.post("dirigente", base + "/indicatori/SCIA-GG/valori", "{\"valore\":36,\"dataRiferimento\":\"2023-02-10\"}"),
                http.post("dirigente", base + "/indicatori/SCIA-GG/valori", "{\"valore\":32,\"dataRiferimento\":\"2023-05-20\"}"),
                http.post("dirigente", base + "/indicatori/SCIA-GG/valori", "{\"valore\":28,\"dataRiferimento\":\"2023-08-15\"}"),
                http.post("dirigente", base + "/indicatori/SCIA-GG/valori", "{\"valore\":20,\"dataRiferimento\":\"2023-11-10\"}"),
                http.post("dirigente", base + "/indicatori/CER-ATTO/valori", "{\"valore\":1,\"dataRiferimento\":\"2023-12-20\"}"));
        for (Risposta r : risposte) {
            assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        }
        long versione = risposte.get(risposte.size() - 1).json().get("versione").asLong();
        assertThat(http.schedaAllaVersione("nucleo", id, versione)).as("la proiezione raggiunge la versione " + versione).isTrue();
        return id;
    }

    void carica(String ente, String esempio) throws Exception {
        String documento = Files.readString(Path.of("..", "docs", "smvp", esempio)).replace("ente: c_b648", "ente: " + ente);
        Risposta r = http.put("nucleo", "/api/valutazione/metodo-smvp?ente=" + ente + "&anno=2023&inVigoreDal=01/01/2023&motivazione="
                + URLEncoder.encode("Delibera di adozione del SMVP", StandardCharsets.UTF_8), documento, "application/yaml");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
    }

    static BigDecimal punti(JsonNode esito) {
        return esito.get("punti").decimalValue();
    }

    static void uguale(JsonNode esito, String atteso) {
        assertThat(punti(esito)).as(esito.toString()).isEqualByComparingTo(atteso);
    }

    static String passi(JsonNode esito) {
        StringBuilder testo = new StringBuilder();
        esito.get("passi").forEach(p -> testo.append(p.asString()).append('\n'));
        return testo.toString();
    }

    @Test
    void underGzoomsDefaultsTheObjectiveScoresAsComputedByHand() throws Exception {
        http = new ClienteHttp(porta);
        String ente = enti.prepara("c_smvp_g");
        carica(ente, "esempio-gzoom.yaml");
        String id = obiettivo(ente);

        Risposta r = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=31/12/2023");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        JsonNode o = r.json().get("esito").get("obiettivi").get(0);
        // phase 1: 40 days late = 2 months (every 30 days or part) × 10 points: 100 − 20 = 80
        uguale(o.get("fasi").get(0).get("esito"), "80");
        // phase 2: not completed at 31/12, 60% × 0,5 = 30
        uguale(o.get("fasi").get(1).get("esito"), "30");
        // SCIA-GG: one value per year (the method's period), the last of 2023: 20 days, lower is better,
        // (2 × 28 − 20) / 28 × 100 = 128,57 → clamped to 0..100: 100
        JsonNode scia = o.get("indicatori").get(0);
        assertThat(scia.get("codice").asString()).isEqualTo("SCIA-GG");
        uguale(scia.get("esito"), "100");
        // CER-ATTO: yes, expected yes: 100
        uguale(o.get("indicatori").get(1).get("esito"), "100");
        // phases (80 + 30) / 2 = 55; indicators (100 × 60 + 100 × 40) / 100 = 100; 50% × 55 + 50% × 100 = 77,5
        uguale(o.get("esito"), "77.5");
        assertThat(o.get("colore").asString()).isEqualTo("VERDE");
        assertThat(passi(o.get("esito"))).contains("dal PEG", "77,5");
        assertThat(passi(o.get("fasi").get(0).get("esito"))).contains("40 giorni dopo la fine prevista 31/03/2023");
        assertThat(r.json().get("metodo").get("versione").asInt()).isEqualTo(1);

        // at 30/06 the year is not closed: SCIA-GG has no value and scores 0 (valoreMancante ZERO); CER-ATTO too.
        // Phase 2 60% × 0,5 = 30, phase 1 80: phases 55; indicators 0; 50% × 55 + 50% × 0 = 27,5 (ROSSO, below 34)
        Risposta giugno = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=2023-06-30");
        JsonNode og = giugno.json().get("esito").get("obiettivi").get(0);
        uguale(og.get("esito"), "27.5");
        assertThat(og.get("colore").asString()).isEqualTo("ROSSO");
        assertThat(passi(og.get("indicatori").get(0).get("esito"))).contains("vale 0");

        ugualeAlloStessoIstante(id, ente, "31/12/2023");

        // an indicator the method does not list is scored as the method scores a NUMERO: target 50, 40 recorded,
        // higher is better, 40 / 50 × 100 = 80; with no phases the indicators count whole: 80
        Risposta altro = http.post("controllo", "/api/obiettivi", OBIETTIVO.formatted(ente).replace("SCIA", "pratiche"));
        String secondo = altro.json().get("id").asString();
        assertThat(http.post("controllo", "/api/obiettivi/" + secondo + "/indicatori", "{\"codice\":\"X-NUOVO\",\"nome\":\"Pratiche chiuse\","
                + "\"valoreAtteso\":50,\"direzione\":\"CRESCENTE\",\"peso\":1}").stato()).isEqualTo(200);
        assertThat(http.post("dirigente", "/api/obiettivi/" + secondo + "/indicatori/X-NUOVO/valori",
                "{\"valore\":40,\"dataRiferimento\":\"2023-06-01\"}").stato()).isEqualTo(200);
        Risposta implicito = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + secondo + "?al=31/12/2023&asOf=" + Instant.now());
        assertThat(implicito.stato()).as(implicito.toString()).isEqualTo(200);
        assertThat(implicito.json().get("metodo").get("indicatoriImpliciti").get(0).asString()).isEqualTo("X-NUOVO");
        uguale(implicito.json().get("esito").get("obiettivi").get(0).get("indicatori").get(0).get("esito"), "80");
        uguale(implicito.json().get("esito").get("obiettivi").get(0).get("esito"), "80");
    }

    @Test
    void underPerformsDefaultsTheObjectiveScoresAsComputedByHand() throws Exception {
        http = new ClienteHttp(porta);
        String ente = enti.prepara("c_smvp_p");
        carica(ente, "esempio-perform.yaml");
        String id = obiettivo(ente);

        Risposta r = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=30/09/2023");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        JsonNode o = r.json().get("esito").get("obiettivi").get(0);
        // phase 1: 40 days late falls in the band 31–91 days: 70
        uguale(o.get("fasi").get(0).get("esito"), "70");
        // phase 2: 60% × 0,5 = 30
        uguale(o.get("fasi").get(1).get("esito"), "30");
        // SCIA-GG by quarter, mean of the quarters closed by 30/09: (36 + 32 + 28) / 3 = 32; lower is better,
        // 28 / 32 × 100 = 87,5; band 50–100 proportional from 50: 50 + (87,5 − 50) = 87,5
        JsonNode scia = o.get("indicatori").get(0);
        uguale(scia.get("esito"), "87.5");
        assertThat(passi(scia.get("esito"))).contains("media dei periodi chiusi", "4° trimestre 2023");
        // CER-ATTO is measured by year: no value by 30/09, left out (valoreMancante ESCLUSO)
        JsonNode cer = o.get("indicatori").get(1);
        assertThat(cer.get("esito").get("stato").asString()).isEqualTo("MANCANTE");
        // phases (70 + 30) / 2 = 50; indicators 87,5 alone; 50% × 50 + 50% × 87,5 = 68,75; cap 100: 68,75 (GIALLO, 50–80)
        uguale(o.get("esito"), "68.75");
        assertThat(o.get("colore").asString()).isEqualTo("GIALLO");

        // the whole PEG: one objective, so settore, ufficio and ente score the same
        Risposta peg = http.get("nucleo", "/api/valutazione/smvp/peg?ente=" + ente + "&anno=2023&al=30/09/2023");
        assertThat(peg.stato()).as(peg.toString()).isEqualTo(200);
        uguale(peg.json().get("esito").get("ente").get("esito"), "68.75");
        uguale(peg.json().get("esito").get("settori").get(0).get("esito"), "68.75");

        ugualeAlloStessoIstante(id, ente, "30/09/2023");
    }

    @Test
    void aClosedValutazioneStaysIdenticalByteForByteWhenTheMethodAndTheDataChangeLater() throws Exception {
        http = new ClienteHttp(porta);
        String ente = enti.prepara("c_smvp_c");
        carica(ente, "esempio-gzoom.yaml");
        String id = obiettivo(ente);
        String aperto = obiettivo(ente);
        Risposta chiusa = http.post("nucleo", "/api/valutazione/valutazioni", "{\"ente\":\"" + ente + "\",\"anno\":2023,\"obiettivoId\":\""
                + id + "\",\"al\":\"2023-12-31\",\"motivazione\":\"Relazione sulla performance 2023\"}");
        assertThat(chiusa.stato()).as(chiusa.toString()).isEqualTo(200);
        String percorso = "/api/valutazione/smvp/obiettivi/" + id + "?al=31/12/2023";
        Risposta prima = http.get("nucleo", percorso);
        assertThat(prima.stato()).as(prima.toString()).isEqualTo(200);
        assertThat(prima.json().get("origine").asString()).isEqualTo("VALUTAZIONE_FINALE");
        uguale(prima.json().get("esito").get("obiettivi").get(0).get("esito"), "77.5");
        String peg = "/api/valutazione/smvp/peg?ente=" + ente + "&anno=2023&al=31/12/2023";
        JsonNode pegPrima = http.get("nucleo", peg).json();
        // in the PEG the closed objective is the closed result, the same tree the objective's endpoint gives
        assertThat(obiettivoDi(pegPrima, id)).isEqualTo(prima.json().get("esito").get("obiettivi").get(0));
        uguale(obiettivoDi(pegPrima, aperto).get("esito"), "77.5");

        // a new version in force from the same 01/01 (a month late now costs 30) and a later consuntivo of phase 2
        String documento = Files.readString(Path.of("..", "docs", "smvp", "esempio-gzoom.yaml"))
                .replace("ente: c_b648", "ente: " + ente).replace("penalitaMese: 10", "penalitaMese: 30");
        Risposta nuova = http.put("nucleo", "/api/valutazione/metodo-smvp?ente=" + ente + "&anno=2023&inVigoreDal=01/01/2023&motivazione="
                + URLEncoder.encode("Delibera di modifica del SMVP", StandardCharsets.UTF_8), documento, "application/yaml");
        assertThat(nuova.stato()).as(nuova.toString()).isEqualTo(200);
        for (String ob : List.of(id, aperto)) {
            Risposta consuntivo = http.post("dirigente", "/api/obiettivi/" + ob + "/fasi/2/consuntivi",
                    "{\"mese\":\"2023-11\",\"svolta\":true,\"percentuale\":90}");
            assertThat(consuntivo.stato()).as(consuntivo.toString()).isEqualTo(200);
            long versione = consuntivo.json().get("versione").asLong();
            assertThat(Attesa.entro(Duration.ofSeconds(30), () -> http.get("nucleo", "/api/obiettivi/" + ob).json()
                    .get("versione").asLong() == versione)).isTrue();
        }

        // the same date not closed by the nucleo follows both changes: phase 1 100 − 2 × 30 = 40, phase 2 90% × 0,5 = 45,
        // phases 42,5; indicators 100; 50% × 42,5 + 50% × 100 = 71,25
        JsonNode pegDopo = http.get("nucleo", peg).json();
        uguale(obiettivoDi(pegDopo, aperto).get("esito"), "71.25");
        assertThat(pegDopo.get("metodo").get("versione").asInt()).isEqualTo(2);
        // the closed one, in the PEG too, does not move: its tree is the one before
        assertThat(obiettivoDi(pegDopo, id)).isEqualTo(obiettivoDi(pegPrima, id));
        // and the ente counts it with its closed score: (77,5 + 71,25) / 2 = 74,375 → 74,38
        uguale(pegDopo.get("esito").get("ente").get("esito"), "74.38");
        // the closed one does not
        Risposta dopo = http.get("nucleo", percorso);
        assertThat(dopo.corpo()).isEqualTo(prima.corpo());
    }

    @Test
    void theNucleosDecisionsForceAnAchievementAndLeaveAnItemOut() throws Exception {
        http = new ClienteHttp(porta);
        String ente = enti.prepara("c_smvp_d");
        carica(ente, "esempio-perform.yaml");
        String id = obiettivo(ente);
        String decisione = "{\"ente\":\"" + ente + "\",\"anno\":2023,\"obiettivoId\":\"" + id + "\",%s,\"motivazione\":\"%s\"}";
        Risposta forzata = http.post("nucleo", "/api/valutazione/smvp/decisioni", decisione.formatted(
                "\"voce\":\"FASE\",\"riferimento\":\"1\",\"tipo\":\"FORZATURA\",\"valore\":100", "Ritardo dovuto alla Soprintendenza"));
        assertThat(forzata.stato()).as(forzata.toString()).isEqualTo(200);
        Risposta esclusa = http.post("nucleo", "/api/valutazione/smvp/decisioni", decisione.formatted(
                "\"voce\":\"FASE\",\"riferimento\":\"2\",\"tipo\":\"NON_VALUTABILE\"", "Fase sospesa per legge"));
        assertThat(esclusa.stato()).as(esclusa.toString()).isEqualTo(200);
        // the controllo di gestione may not decide
        assertThat(http.post("controllo", "/api/valutazione/smvp/decisioni", decisione.formatted(
                "\"voce\":\"OBIETTIVO\",\"tipo\":\"NON_VALUTABILE\"", "Prova")).stato()).isEqualTo(403);

        JsonNode o = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=30/09/2023").json().get("esito").get("obiettivi").get(0);
        // phase 1 forced to 100, the 70 the method gave kept beside it
        JsonNode fase1 = o.get("fasi").get(0).get("esito");
        assertThat(fase1.get("stato").asString()).isEqualTo("FORZATO");
        uguale(fase1, "100");
        assertThat(fase1.get("calcolato").decimalValue()).isEqualByComparingTo("70");
        assertThat(fase1.get("motivazione").asString()).isEqualTo("Ritardo dovuto alla Soprintendenza");
        // phase 2 left out: the phases are phase 1 alone, 100; 50% × 100 + 50% × 87,5 = 93,75
        assertThat(o.get("fasi").get(1).get("esito").get("stato").asString()).isEqualTo("NON_VALUTABILE");
        uguale(o.get("esito"), "93.75");
        assertThat(passi(o.get("fasi").get(1).get("esito"))).contains("Fase sospesa per legge");

        // the objective forced to 90: the CSV shows it beside the 93,75 the method computed
        Risposta obiettivoForzato = http.post("nucleo", "/api/valutazione/smvp/decisioni", decisione.formatted(
                "\"voce\":\"OBIETTIVO\",\"tipo\":\"FORZATURA\",\"valore\":90", "Obiettivo ridimensionato dalla Giunta"));
        assertThat(obiettivoForzato.stato()).as(obiettivoForzato.toString()).isEqualTo(200);
        Risposta csv = http.get("nucleo", "/api/valutazione/smvp/peg.csv?ente=" + ente + "&anno=2023&al=30/09/2023");
        assertThat(csv.stato()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.intestazione("Content-Type")).startsWith("text/csv");
        assertThat(csv.corpo().replace("\uFEFF", "").split("\r\n")).containsExactly(
                "settore;ufficio;titolo;al;punteggio;punteggio_calcolato;forzato;motivazione;stato",
                "SASTER;UEDPRI;Diminuzione tempi di verifica delle SCIA;30/09/2023;90,00;93,75;sì;Obiettivo ridimensionato dalla Giunta;FORZATO");

        // a forced value the phase cannot score is refused when scoring, naming the decision
        Risposta troppo = http.post("nucleo", "/api/valutazione/smvp/decisioni", decisione.formatted(
                "\"voce\":\"FASE\",\"riferimento\":\"1\",\"tipo\":\"FORZATURA\",\"valore\":150", "Eccellenza"));
        assertThat(troppo.stato()).as(troppo.toString()).isEqualTo(200);
        Risposta rifiutata = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=30/09/2023");
        assertThat(rifiutata.stato()).as(rifiutata.toString()).isEqualTo(400);
        assertThat(rifiutata.json().get("errori").get(0).get("campo").asString()).startsWith("decisioni[");
    }

    /** The live answers at one instant: the objective's scores and the PEG's, and that instant. */
    record Fotografia(Instant istante, JsonNode obiettivo, JsonNode peg) {
    }

    Fotografia fotografa(String id, String ente, String al) {
        Risposta o = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=" + al);
        Risposta p = http.get("nucleo", "/api/valutazione/smvp/peg?ente=" + ente + "&anno=2023&al=" + al);
        assertThat(o.stato()).as(o.toString()).isEqualTo(200);
        assertThat(p.stato()).as(p.toString()).isEqualTo(200);
        return new Fotografia(Instant.now(), o.json().get("esito"), p.json().get("esito"));
    }

    void attendiScheda(String id, Risposta comando) throws InterruptedException {
        assertThat(comando.stato()).as(comando.toString()).isEqualTo(200);
        long versione = comando.json().get("versione").asLong();
        assertThat(Attesa.entro(Duration.ofSeconds(30), () -> http.get("nucleo", "/api/obiettivi/" + id).json()
                .get("versione").asLong() == versione)).as("la proiezione raggiunge la versione " + versione).isTrue();
    }

    @Test
    void asOfAnyInstantTheScoresAreTheLiveOnesOfThatInstant() throws Exception {
        http = new ClienteHttp(porta);
        String ente = enti.prepara("c_smvp_t");
        String al = "30/09/2023";
        carica(ente, "esempio-gzoom.yaml");
        String id = obiettivo(ente);
        List<Fotografia> foto = new ArrayList<>();
        foto.add(fotografa(id, ente, al));

        // phase 2 rimodulata to end on 31/08/2023: late at 30/09
        attendiScheda(id, http.post("dirigente", "/api/obiettivi/" + id + "/fasi/2/rimodulazioni",
                "{\"inizio\":\"2023-01-01\",\"fine\":\"2023-08-31\",\"motivazione\":\"Anticipo chiesto dalla Giunta\"}"));
        foto.add(fotografa(id, ente, al));

        Risposta decisione = http.post("nucleo", "/api/valutazione/smvp/decisioni", "{\"ente\":\"" + ente + "\",\"anno\":2023,"
                + "\"obiettivoId\":\"" + id + "\",\"voce\":\"FASE\",\"riferimento\":\"1\",\"tipo\":\"FORZATURA\",\"valore\":95,"
                + "\"motivazione\":\"Ritardo dovuto alla Soprintendenza\"}");
        assertThat(decisione.stato()).as(decisione.toString()).isEqualTo(200);
        foto.add(fotografa(id, ente, al));

        attendiScheda(id, http.post("dirigente", "/api/obiettivi/" + id + "/fasi/2/consuntivi",
                "{\"mese\":\"2023-08\",\"svolta\":true,\"percentuale\":80}"));
        String documento = Files.readString(Path.of("..", "docs", "smvp", "esempio-gzoom.yaml"))
                .replace("ente: c_b648", "ente: " + ente).replace("penalitaMese: 10", "penalitaMese: 30");
        Risposta seconda = http.put("nucleo", "/api/valutazione/metodo-smvp?ente=" + ente + "&anno=2023&inVigoreDal=01/07/2023&motivazione="
                + URLEncoder.encode("Delibera di modifica del SMVP", StandardCharsets.UTF_8), documento, "application/yaml");
        assertThat(seconda.stato()).as(seconda.toString()).isEqualTo(200);
        foto.add(fotografa(id, ente, al));

        // each step changed the scores, so each instant has its own answer to match
        for (int i = 1; i < foto.size(); i++) {
            assertThat(foto.get(i).obiettivo()).as("passo " + i).isNotEqualTo(foto.get(i - 1).obiettivo());
            assertThat(foto.get(i).peg()).as("passo " + i).isNotEqualTo(foto.get(i - 1).peg());
        }
        assertThat(passi(foto.get(1).obiettivo().get("obiettivi").get(0).get("fasi").get(1).get("esito")))
                .contains("motivazione: «Anticipo chiesto dalla Giunta»", "poi dal 01/01/2023 al 31/08/2023");
        for (Fotografia f : foto) {
            Risposta o = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=" + al + "&asOf=" + f.istante());
            Risposta p = http.get("nucleo", "/api/valutazione/smvp/peg?ente=" + ente + "&anno=2023&al=" + al + "&asOf=" + f.istante());
            assertThat(o.stato()).as(o.toString()).isEqualTo(200);
            assertThat(p.stato()).as(p.toString()).isEqualTo(200);
            assertThat(o.json().get("esito")).as("obiettivo al " + f.istante()).isEqualTo(f.obiettivo());
            assertThat(p.json().get("esito")).as("PEG al " + f.istante()).isEqualTo(f.peg());
        }
    }

    /** The objective {@code id} among the scores of a PEG. */
    static JsonNode obiettivoDi(JsonNode peg, String id) {
        for (JsonNode o : peg.get("esito").get("obiettivi")) {
            if (o.get("obiettivo").asString().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("Obiettivo " + id + " assente dal PEG: " + peg);
    }

    /** As-of scores equal the live ones captured at the same instant. */
    void ugualeAlloStessoIstante(String id, String ente, String al) {
        Risposta vivo = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=" + al);
        Instant adesso = Instant.now();
        Risposta allora = http.get("nucleo", "/api/valutazione/smvp/obiettivi/" + id + "?al=" + al + "&asOf=" + adesso);
        assertThat(allora.stato()).as(allora.toString()).isEqualTo(200);
        assertThat(allora.json().get("esito")).isEqualTo(vivo.json().get("esito"));
        Risposta peg = http.get("nucleo", "/api/valutazione/smvp/peg?ente=" + ente + "&anno=2023&al=" + al + "&asOf=" + adesso);
        assertThat(peg.json().get("esito").get("obiettivi").get(0)).isEqualTo(vivo.json().get("esito").get("obiettivi").get(0));
    }
}
