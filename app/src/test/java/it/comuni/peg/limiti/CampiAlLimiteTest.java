package it.comuni.peg.limiti;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.csv.Csv;
import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.valutazione.MetodoValutazioneImpostato;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.EntiDiProva;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a command may carry, at its limit and in 4-byte UTF-8 characters (𝔄 and emoji, one
 * character each for the limit and for a utf8mb4 column, two UTF-16 units for Java), goes through every
 * projection and comes back whole: in the scheda, the storico, the assignments, the evaluation, the CSV
 * export, the print; through the CSV import (the export imported into another ente) and the print import.
 * One character more is a 400 naming the field, and records nothing.
 * <p>
 * An ente is a codice IPA ({@link Codici#ENTE} characters at most, {@code [a-z0-9_]}): the enti here use
 * all of them, and the official name of the ente the objectives are defined in is at its {@link Limite#ENTE}.
 * The settori and uffici the objectives name are instituted first in the ente's organigramma, codes and
 * names at their limits (the organigramma's limits are the objective's: {@link Limite#CODICE},
 * {@link Limite#NOME_STRUTTURA}, {@link Limite#PERSONA}); each struttura's incarico is held by the persona
 * the objective prints as its responsabile, so that the user who records progress (the dirigente, M001, or
 * the responsabile d'ufficio, M003) holds the incarico of the objective's settore or ufficio.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampiAlLimiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ATTESA = Duration.ofSeconds(60);
    /** A past year: every consuntivo, completion and evaluation of it is legal today. */
    private static final int ANNO = YearMonth.now(ZoneId.of("Europe/Rome")).getYear() - 1;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore store;
    @Autowired
    EntiDiProva enti;

    ClienteHttp http;
    /** The ente of the first test: a codice IPA at its limit; its official name at its own. */
    final String ente = ipa("c_campi_al_limite");
    final String nomeEnte = pieno("COMUNE", Limite.ENTE);

    @BeforeAll
    void client() {
        http = new ClienteHttp(porta);
    }

    /** A codice IPA of exactly {@link Codici#ENTE} characters: the prefix, then digits. */
    static String ipa(String prefisso) {
        StringBuilder s = new StringBuilder(prefisso);
        while (s.length() < Codici.ENTE) {
            s.append(s.length() % 10);
        }
        assertThat(Codici.ente(s.toString())).hasSize(Codici.ENTE);
        return s.toString();
    }

    /**
     * Exactly {@code caratteri} characters: the label, then 4-byte characters, 𝔄 alternating with emoji
     * (no spaces: a name is stored normalised, and 𝔄 is already upper case).
     */
    static String pieno(String etichetta, int caratteri) {
        StringBuilder s = new StringBuilder(etichetta);
        for (int i = etichetta.codePointCount(0, etichetta.length()); i < caratteri; i++) {
            s.appendCodePoint(i % 2 == 0 ? 0x1D504 : 0x1F600 + i % 64);
        }
        return s.toString();
    }

    static String pieno(String etichetta, Limite limite) {
        return pieno(etichetta, limite.massimo());
    }

    /** The values of one objective, every one at its limit and different from every other. */
    record Obiettivo(String id, String utente, long versione, Map<String, String> valori) {
        String v(String chiave) {
            return valori.get(chiave);
        }
    }

    private Map<String, String> valori(String n, String responsabileSettore, String responsabileUfficio) {
        return valori(n, ente, responsabileSettore, responsabileUfficio);
    }

    private static Map<String, String> valori(String n, String ente, String responsabileSettore, String responsabileUfficio) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("ente", ente);
        v.put("titolo", pieno("TITOLO" + n, Limite.TITOLO));
        v.put("descrizione", pieno("DESCRIZIONE" + n, Limite.DESCRIZIONE));
        v.put("settore.codice", pieno("S" + n, Limite.CODICE));
        v.put("settore.nome", pieno("SETTORE" + n, Limite.NOME_STRUTTURA));
        v.put("settore.responsabile", responsabileSettore);
        v.put("ufficio.codice", pieno("U" + n, Limite.CODICE));
        v.put("ufficio.nome", pieno("UFFICIO" + n, Limite.NOME_STRUTTURA));
        v.put("ufficio.responsabile", responsabileUfficio);
        v.put("dupStrategico.codice", pieno("DS" + n, Limite.CODICE));
        v.put("dupStrategico.titolo", pieno("DUPSTRATEGICO" + n, Limite.TITOLO_DUP));
        v.put("dupOperativo.codice", pieno("DO" + n, Limite.CODICE));
        v.put("dupOperativo.titolo", pieno("DUPOPERATIVO" + n, Limite.TITOLO_DUP));
        v.put("modifica.descrizione", pieno("DESCRIZIONEMODIFICATA" + n, Limite.DESCRIZIONE));
        v.put("modifica.dupOperativo.codice", pieno("DM" + n, Limite.CODICE));
        v.put("modifica.dupOperativo.titolo", pieno("DUPMODIFICATO" + n, Limite.TITOLO_DUP));
        v.put("modifica.motivazione", pieno("MOTIVAZIONEMODIFICA" + n, Limite.MOTIVAZIONE));
        v.put("persona.nome", pieno("PERSONA" + n, Limite.PERSONA));
        // a second name, equal to the first but for its last 4-byte character: two people, two rows
        String nome = v.get("persona.nome");
        v.put("persona2.nome", nome.substring(0, nome.offsetByCodePoints(0, Limite.PERSONA.massimo() - 1))
                + Character.toString(0x1F9E1));
        v.put("persona.categoria", pieno("CATEGORIA" + n, Limite.CATEGORIA));
        v.put("persona.ruolo", pieno("RUOLO" + n, Limite.RUOLO));
        v.put("fase.titolo", pieno("FASE" + n, Limite.TITOLO));
        v.put("fase.descrizione", pieno("DESCRIZIONEFASE" + n, Limite.DESCRIZIONE));
        v.put("indicatore.codice", pieno("I" + n, Limite.CODICE));
        v.put("indicatore.nome", pieno("INDICATORE" + n, Limite.TITOLO));
        v.put("indicatore.unita", pieno("UNITA" + n, Limite.UNITA));
        v.put("indicatore.valoreAtteso", "999999999999999.99999" + n);
        v.put("consuntivo.note", pieno("NOTE" + n, Limite.NOTE));
        v.put("consuntivo.atto", pieno("ATTO" + n, Limite.ATTO));
        v.put("rettifica.note", pieno("NOTERETTIFICA" + n, Limite.NOTE));
        v.put("rettifica.atto", pieno("ATTORETTIFICA" + n, Limite.ATTO));
        v.put("rettifica.motivazione", pieno("MOTIVAZIONERETTIFICA" + n, Limite.MOTIVAZIONE));
        v.put("rimodulazione.motivazione", pieno("MOTIVAZIONERIMODULAZIONE" + n, Limite.MOTIVAZIONE));
        v.put("valore.note", pieno("NOTEVALORE" + n, Limite.NOTE));
        v.put("valore.valore", "123456789012345.12345" + n);
        v.put("completamento.atto", pieno("ATTOCOMPLETAMENTO" + n, Limite.ATTO));
        v.put("valutazione.motivazione", pieno("MOTIVAZIONEVALUTAZIONE" + n, Limite.MOTIVAZIONE));
        return v;
    }

    @Test
    void everyFieldAtItsLimitInFourByteCharactersGoesThroughEveryProjectionAndComesBack() throws Exception {
        // one objective led by a settore's dirigente whose name is at its limit, progress recorded by the
        // responsabile of its ufficio; the other the other way round: both responsabili at their limit
        enti.preparaConNome(ente, nomeEnte);
        Map<String, String> valoriUno = valori("1", pieno("DIRIGENTE", Limite.PERSONA), "DEL FRATE GIOVANNI");
        Map<String, String> valoriDue = valori("2", "GENTILI LUCA", pieno("RESPONSABILE", Limite.PERSONA));
        organigramma(ente, valoriUno, valoriDue);
        assertThat(http.get("nucleo", "/api/enti/" + ente + "/organigramma").corpo()).as("il nome dell'ente").contains(nomeEnte);
        Obiettivo uno = registra(valoriUno, "responsabile");
        Obiettivo due = registra(valoriDue, "dirigente");
        String metodo = pieno("MOTIVAZIONEMETODO", Limite.MOTIVAZIONE);
        String monitoraggio = pieno("NOTEMONITORAGGIO", Limite.NOTE);
        nucleo(metodo, monitoraggio, uno, due);

        SessioneWeb pagine = new SessioneWeb("nucleo");
        for (Obiettivo o : List.of(uno, due)) {
            long versione = o.versione();
            attendi(() -> http.get("nucleo", "/api/obiettivi/" + o.id()).json().get("versione").asLong() == versione,
                    "la scheda abbia ogni evento");
            attendi(() -> http.get("nucleo", "/api/obiettivi/" + o.id() + "/storico").json().get("voci").size() == versione + 1,
                    "lo storico abbia ogni evento");
            String scheda = http.get("nucleo", "/api/obiettivi/" + o.id()).corpo();
            trova(scheda, "scheda", o, "titolo", "modifica.descrizione", "settore.codice", "settore.nome", "settore.responsabile",
                    "ufficio.codice", "ufficio.nome", "ufficio.responsabile", "dupStrategico.codice", "dupStrategico.titolo",
                    "modifica.dupOperativo.codice", "modifica.dupOperativo.titolo", "persona.nome", "persona2.nome",
                    "persona.categoria", "persona.ruolo", "fase.titolo", "fase.descrizione", "indicatore.codice",
                    "indicatore.nome", "indicatore.unita", "indicatore.valoreAtteso", "rettifica.note", "rettifica.atto",
                    "valore.note", "valore.valore", "completamento.atto");
            assertThat(scheda).contains(ente);
            String storico = http.get("nucleo", "/api/obiettivi/" + o.id() + "/storico").corpo();
            trova(storico, "storico", o, "titolo", "settore.codice", "ufficio.codice", "descrizione", "modifica.descrizione",
                    "dupOperativo.codice", "dupOperativo.titolo", "modifica.dupOperativo.codice", "modifica.dupOperativo.titolo",
                    "modifica.motivazione", "persona.nome", "persona2.nome", "persona.categoria", "persona.ruolo", "fase.titolo",
                    "consuntivo.note", "consuntivo.atto", "rettifica.note", "rettifica.atto", "rettifica.motivazione",
                    "rimodulazione.motivazione", "completamento.atto", "indicatore.codice", "indicatore.nome", "indicatore.unita");
            // the storico tells the expected and the recorded value in Italian: every digit, with the decimal comma
            assertThat(storico).as("storico: indicatore.valoreAtteso").contains(o.v("indicatore.valoreAtteso").replace('.', ','));
            assertThat(storico).as("storico: valore.valore").contains(o.v("valore.valore").replace('.', ','));
            // the assignments' index finds each of the two people, names told apart by one 4-byte character
            for (String nome : List.of(o.v("persona.nome"), o.v("persona2.nome"))) {
                Risposta persona = http.get("nucleo", "/api/persone/valutazione?ente=" + ente + "&nome=" + q(nome) + "&anno=" + ANNO);
                assertThat(persona.corpo()).as(persona.toString()).contains(o.id()).contains(nome);
            }
            String valutazione = http.get("nucleo", "/api/obiettivi/" + o.id() + "/valutazione?al=" + ANNO + "-12-31").corpo();
            trova(valutazione, "valutazione", o, "valutazione.motivazione");
            trova(pagine.testo("/stampa/obiettivi/" + o.id()), "stampa", o, "titolo", "modifica.descrizione", "settore.codice", "settore.nome",
                    "settore.responsabile", "ufficio.codice", "ufficio.nome", "ufficio.responsabile", "dupStrategico.codice",
                    "dupStrategico.titolo", "modifica.dupOperativo.codice", "modifica.dupOperativo.titolo", "persona.nome",
                    "persona2.nome", "persona.categoria", "persona.ruolo", "fase.titolo", "indicatore.codice", "indicatore.nome");
        }
        // the PDF is drawn from the same template; with a description of 100,000 characters it takes seconds: once
        assertThat(pagine.pdf("/stampa/obiettivi/" + uno.id() + "/pdf")).as("la stampa in PDF").isEqualTo(200);
        // the nucleo's acts: the monitoraggio's note on the evaluation page; the method has no read model,
        // its motivazione is in the cycle's event, which loads as every event does
        assertThat(pagine.testo("/valutazione?ente=" + q(ente) + "&anno=" + ANNO)).contains(monitoraggio);
        assertThat(store.readEvents(CicloValutazioneId.di(ente, ANNO)).asStream().map(e -> e.getPayload())
                .filter(MetodoValutazioneImpostato.class::isInstance).map(MetodoValutazioneImpostato.class::cast)
                .map(m -> m.motivazione().testo())).containsExactly(metodo);
        String valutazioneCsv = http.get("nucleo", "/api/peg/" + ANNO + "/valutazione.csv?ente=" + q(ente)).corpo();
        for (Obiettivo o : List.of(uno, due)) {
            assertThat(celle(valutazioneCsv)).contains(o.v("valutazione.motivazione"), o.v("titolo"), o.v("settore.codice"));
        }

        // the CSV export holds every field of the plan; imported into another ente it gives the same plan
        Risposta esportazione = http.get("controllo", "/api/peg/" + ANNO + "/csv?ente=" + q(ente));
        assertThat(esportazione.stato()).as(esportazione.toString()).isEqualTo(200);
        byte[] esportato = esportazione.corpo().getBytes(StandardCharsets.UTF_8);
        List<String> celle = celle(new String(esportato, StandardCharsets.UTF_8));
        String[] delPiano = {"titolo", "modifica.descrizione", "settore.codice", "settore.nome", "settore.responsabile",
                "ufficio.codice", "ufficio.nome", "ufficio.responsabile", "dupStrategico.codice", "dupStrategico.titolo",
                "modifica.dupOperativo.codice", "modifica.dupOperativo.titolo", "persona.nome", "persona2.nome",
                "persona.categoria", "persona.ruolo", "fase.titolo", "fase.descrizione", "indicatore.codice", "indicatore.nome",
                "indicatore.unita", "indicatore.valoreAtteso"};
        for (Obiettivo o : List.of(uno, due)) {
            for (String campo : delPiano) {
                assertThat(celle).as("CSV: " + campo).contains(o.v(campo).replace('.', ','));
            }
        }
        String altroEnte = enti.prepara(ipa("c_altro_ente"));
        organigramma(altroEnte, uno.valori(), due.valori());
        Risposta importazione = importa("/api/import/csv", esportato, altroEnte);
        assertThat(importazione.stato()).as(importazione.toString()).isEqualTo(200);
        assertThat(importazione.json().get("nuovi").asInt()).as(importazione.toString()).isEqualTo(2);
        List<String> importati = obiettiviDi(altroEnte, 2);
        String schede = String.join("\n", importati.stream().map(id -> http.get("nucleo", "/api/obiettivi/" + id).corpo()).toList());
        assertThat(schede).contains(altroEnte);
        for (Obiettivo o : List.of(uno, due)) {
            for (String campo : delPiano) {
                assertThat(schede).as("importato dal CSV: " + campo).contains(o.v(campo));
            }
        }
    }

    /**
     * The print carries what its format can: codes of at most 20 capital letters and digits (its
     * headings), DUP codes of digits and dots; every other text at its limit in 4-byte characters.
     */
    @Test
    void thePrintImportCarriesEveryFieldItHasAtItsLimit() throws Exception {
        String enteStampa = enti.prepara(ipa("c_ente_stampa"));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("settore.codice", "S".repeat(Limite.CODICE.massimo()));
        v.put("settore.nome", pieno("SETTORESTAMPA", Limite.NOME_STRUTTURA));
        v.put("settore.responsabile", pieno("DIRIGENTESTAMPA", Limite.PERSONA));
        v.put("ufficio.codice", "U".repeat(Limite.CODICE.massimo()));
        v.put("ufficio.nome", pieno("UFFICIOSTAMPA", Limite.NOME_STRUTTURA));
        v.put("ufficio.responsabile", pieno("RESPONSABILESTAMPA", Limite.PERSONA));
        v.put("titolo", pieno("TITOLOSTAMPA", Limite.TITOLO));
        v.put("descrizione", pieno("DESCRIZIONESTAMPA", Limite.DESCRIZIONE));
        v.put("dupStrategico.codice", "1.2.3.4.5.6.7.8.9.10");
        v.put("dupStrategico.titolo", pieno("DUPSTRATEGICOSTAMPA", Limite.TITOLO_DUP));
        v.put("dupOperativo.codice", "9.8.7.6.5.4.3.2.1.00");
        v.put("dupOperativo.titolo", pieno("DUPOPERATIVOSTAMPA", Limite.TITOLO_DUP));
        v.put("persona.nome", pieno("PERSONASTAMPA", Limite.PERSONA));
        v.put("persona.categoria", pieno("CATEGORIASTAMPA", Limite.CATEGORIA));
        v.put("persona.ruolo", pieno("RUOLOSTAMPA", Limite.RUOLO));
        v.put("fase.titolo", pieno("FASESTAMPA", Limite.TITOLO));
        v.put("fase.descrizione", pieno("DESCRIZIONEFASESTAMPA", Limite.DESCRIZIONE));
        assertThat(v.get("dupStrategico.codice")).hasSize(Limite.CODICE.massimo());
        organigramma(enteStampa, v);

        Risposta r = importa("/api/import", stampa(v).getBytes(StandardCharsets.UTF_8), enteStampa);
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("nuovi").asInt()).as(r.toString()).isEqualTo(1);
        String id = obiettiviDi(enteStampa, 1).get(0);
        String scheda = http.get("nucleo", "/api/obiettivi/" + id).corpo();
        assertThat(scheda).contains(enteStampa);
        v.forEach((campo, valore) -> assertThat(scheda).as("dalla stampa: " + campo).contains(valore));
        attendi(() -> http.get("nucleo", "/api/obiettivi/" + id + "/storico").json().get("voci").size() == 3, "lo storico");
        String storico = http.get("nucleo", "/api/obiettivi/" + id + "/storico").corpo();
        for (String campo : List.of("titolo", "settore.codice", "ufficio.codice", "persona.nome", "persona.categoria",
                "persona.ruolo", "fase.titolo")) {
            assertThat(storico).as("storico dalla stampa: " + campo).contains(v.get(campo));
        }
    }

    /** One character beyond the limit, in any field of any command: 400 naming it, nothing recorded. */
    @Test
    void oneCharacterBeyondTheLimitIsA400NamingTheFieldAndRecordsNothing() throws Exception {
        // an ente of its own: the other tests export and import the PEG of theirs whole
        String enteProprio = enti.prepara(ipa("c_ente_rifiuti"));
        Map<String, String> valoriTre = valori("3", enteProprio, "GENTILI LUCA", "DEL FRATE GIOVANNI");
        organigramma(enteProprio, valoriTre);
        Obiettivo o = registra(valoriTre, "dirigente");
        String base = "/api/obiettivi/" + o.id();
        attendi(() -> http.get("nucleo", base).json().get("versione").asLong() == o.versione(), "la scheda abbia ogni evento");
        Map<String, String> dirigente = Map.of();
        List<Caso> casi = new ArrayList<>();
        for (String campo : List.of("ente", "titolo", "descrizione", "settore.codice", "settore.nome", "settore.responsabile",
                "ufficio.codice", "ufficio.nome", "ufficio.responsabile", "dupStrategico.codice", "dupStrategico.titolo",
                "dupOperativo.codice", "dupOperativo.titolo")) {
            casi.add(new Caso("controllo", "/api/obiettivi", definizione(valori("X", enteProprio, "GENTILI LUCA", "DEL FRATE GIOVANNI")),
                    campo));
        }
        ObjectNode modifica = modifica(o.valori());
        for (String campo : List.of("descrizione", "dupStrategico.codice", "dupStrategico.titolo", "motivazione")) {
            casi.add(new Caso("controllo", base + "/modifiche", modifica, campo));
        }
        ObjectNode persona = oggetto(Map.of("nome", "PERSONA", "categoria", "C", "ruolo", "R", "inizio", ANNO + "-01-01",
                "fine", ANNO + "-12-31"));
        for (String campo : List.of("nome", "categoria", "ruolo")) {
            casi.add(new Caso("controllo", base + "/persone", persona, campo));
        }
        ObjectNode fase = oggetto(Map.of("numero", 2, "titolo", "Fase", "descrizione", "d"));
        casi.add(new Caso("controllo", base + "/fasi", fase, "titolo"));
        casi.add(new Caso("controllo", base + "/fasi", fase, "descrizione"));
        casi.add(new Caso("dirigente", base + "/fasi/1/rimodulazioni", oggetto(Map.of("inizio", ANNO + "-02-01",
                "fine", ANNO + "-12-31", "motivazione", "m")), "motivazione"));
        ObjectNode consuntivo = oggetto(Map.of("mese", ANNO + "-04", "svolta", true, "percentuale", 50, "note", "n", "atto", "a"));
        casi.add(new Caso("dirigente", base + "/fasi/1/consuntivi", consuntivo, "note"));
        casi.add(new Caso("dirigente", base + "/fasi/1/consuntivi", consuntivo, "atto"));
        ObjectNode rettifica = oggetto(Map.of("mese", ANNO + "-03", "svolta", true, "percentuale", 45, "note", "n", "atto", "a",
                "motivazione", "m"));
        for (String campo : List.of("note", "atto", "motivazione")) {
            casi.add(new Caso("dirigente", base + "/fasi/1/rettifiche", rettifica, campo));
        }
        casi.add(new Caso("dirigente", base + "/fasi/1/completamento", oggetto(Map.of("data", ANNO + "-12-01", "atto", "a")), "atto"));
        ObjectNode indicatore = oggetto(Map.of("codice", "IND2", "nome", "n", "unita", "u", "valoreAtteso", 10,
                "direzione", "CRESCENTE", "peso", 10));
        casi.add(new Caso("controllo", base + "/indicatori", indicatore, "codice", Limite.CODICE));
        casi.add(new Caso("controllo", base + "/indicatori", indicatore, "nome", Limite.TITOLO));
        casi.add(new Caso("controllo", base + "/indicatori", indicatore, "unita", Limite.UNITA));
        casi.add(new Caso("dirigente", base + "/indicatori/" + q(o.v("indicatore.codice")) + "/valori",
                oggetto(Map.of("valore", 5, "dataRiferimento", ANNO + "-09-30", "note", "n")), "note"));
        casi.add(new Caso("nucleo", "/api/valutazione/metodo", oggetto(Map.of("ente", enteProprio, "anno", ANNO,
                "parametri", Map.of("penalitaMeseRitardo", 5, "fattoreNonCompletata", 0.5, "tolleranzaGiorni", 0),
                "motivazione", "m")), "motivazione"));
        casi.add(new Caso("nucleo", "/api/valutazione/metodo", oggetto(Map.of("ente", "Ente", "anno", ANNO,
                "parametri", Map.of("penalitaMeseRitardo", 5, "fattoreNonCompletata", 0.5, "tolleranzaGiorni", 0),
                "motivazione", "m")), "ente"));
        casi.add(new Caso("nucleo", "/api/valutazione/monitoraggi", oggetto(Map.of("ente", enteProprio, "anno", ANNO,
                "data", ANNO + "-06-30", "note", "n")), "note"));
        casi.add(new Caso("nucleo", "/api/valutazione/valutazioni", oggetto(Map.of("ente", enteProprio, "anno", ANNO,
                "obiettivoId", o.id(), "al", ANNO + "-12-31", "valutazioneIndicatori", 50, "motivazione", "m")), "motivazione"));

        long eventi = eventi();
        String scheda = http.get("nucleo", base).corpo();
        for (Caso caso : casi) {
            ObjectNode corpo = caso.corpo().deepCopy();
            int massimo = caso.limite().massimo();
            imposta(corpo, caso.campo(), pieno(caso.campo().toUpperCase().replace(".", ""), massimo + 1));
            Risposta r = http.post(caso.utente(), caso.percorso(), JSON.writeValueAsString(corpo));
            assertThat(r.stato()).as(caso + " → " + r).isEqualTo(400);
            assertThat(r.intestazioni().get("content-type").get(0)).startsWith("application/problem+json");
            assertThat(r.json().get("errori").get(0).get("campo").asText()).as(r.toString()).isEqualTo(caso.campo());
            assertThat(r.json().get("errori").get(0).get("messaggio").asText())
                    .isEqualTo("Testo troppo lungo: al massimo " + massimo + " caratteri (ricevuti " + (massimo + 1) + ")");
        }
        // several fields beyond their limits: all named in one answer
        ObjectNode tutti = definizione(valori("Y", enteProprio, "GENTILI LUCA", "DEL FRATE GIOVANNI"));
        imposta(tutti, "titolo", pieno("T", Limite.TITOLO.massimo() + 1));
        imposta(tutti, "settore.codice", pieno("S", Limite.CODICE.massimo() + 1));
        Risposta insieme = http.post("controllo", "/api/obiettivi", JSON.writeValueAsString(tutti));
        assertThat(insieme.stato()).isEqualTo(400);
        List<String> nominati = new ArrayList<>();
        insieme.json().get("errori").forEach(e -> nominati.add(e.get("campo").asText()));
        assertThat(nominati).containsExactly("titolo", "settore.codice");
        // a number beyond its digits
        ObjectNode enorme = indicatore.deepCopy().put("valoreAtteso", new java.math.BigDecimal("1E+20"));
        Risposta numero = http.post("controllo", base + "/indicatori", JSON.writeValueAsString(enorme));
        assertThat(numero.stato()).as(numero.toString()).isEqualTo(400);
        assertThat(numero.json().get("errori").get(0).get("campo").asText()).isEqualTo("valoreAtteso");
        // an import into an ente one character beyond the codice IPA's: no ente has such a code, and
        // whether one exists is not confirmed to anyone (the answer for any ente outside the user's)
        String oltre = enteProprio + "0";
        Risposta importazione = importa("/api/import/csv", "tipo;chiave\n".getBytes(StandardCharsets.UTF_8), oltre);
        assertThat(importazione.stato()).as(importazione.toString()).isEqualTo(404);
        assertThat(importazione.intestazione("Content-Type")).startsWith("application/problem+json");
        assertThat(importazione.json().get("detail").asText()).isEqualTo("Ente " + oltre + " non trovato");

        assertThat(eventi()).as("nessun evento registrato").isEqualTo(eventi);
        assertThat(http.get("nucleo", base).corpo()).isEqualTo(scheda);
    }

    private record Caso(String utente, String percorso, ObjectNode corpo, String campo, Limite limite) {

        Caso(String utente, String percorso, ObjectNode corpo, String campo) {
            this(utente, percorso, corpo, campo, limiteDi(campo));
        }

        @Override
        public String toString() {
            return percorso + " " + campo;
        }
    }

    private static Limite limiteDi(String campo) {
        String foglia = campo.substring(campo.lastIndexOf('.') + 1);
        if (campo.startsWith("settore.") || campo.startsWith("ufficio.")) {
            return switch (foglia) {
                case "codice" -> Limite.CODICE;
                case "nome" -> Limite.NOME_STRUTTURA;
                default -> Limite.PERSONA;
            };
        }
        if (campo.startsWith("dup")) {
            return foglia.equals("codice") ? Limite.CODICE : Limite.TITOLO_DUP;
        }
        return switch (foglia) {
            case "ente" -> Limite.ENTE;
            case "titolo" -> Limite.TITOLO;
            case "descrizione" -> Limite.DESCRIZIONE;
            case "motivazione" -> Limite.MOTIVAZIONE;
            case "nome" -> Limite.PERSONA;
            case "categoria" -> Limite.CATEGORIA;
            case "ruolo" -> Limite.RUOLO;
            case "note" -> Limite.NOTE;
            case "atto" -> Limite.ATTO;
            case "codice" -> Limite.CODICE;
            case "unita" -> Limite.UNITA;
            default -> throw new IllegalArgumentException(campo);
        };
    }

    // ---- the commands of one objective, every text at its limit ----

    /** The persone of {@link EntiDiProva}'s organigramma, by name: who the standard users are. */
    private static final Map<String, String> MATRICOLE = Map.of("GENTILI LUCA", "M001", "DEL FRATE GIOVANNI", "M003");

    /**
     * Institutes in the ente's organigramma, through its API as the controllo di gestione, the settore and the
     * ufficio of each objective's values (codes and names at their limits), and confers their incarichi, from
     * {@link EntiDiProva#DAL} with an act at its limit, on the persone the values print as responsabili: a
     * standard one by its matricola ({@link #MATRICOLE}), any other registered here, its name at its limit.
     * Then waits for the organigramma's read side to show every code, name and act whole.
     */
    @SafeVarargs
    private void organigramma(String ente, Map<String, String>... obiettivi) throws Exception {
        List<String> attesi = new ArrayList<>();
        int n = 0;
        for (Map<String, String> v : obiettivi) {
            n++;
            for (String gruppo : List.of("settore", "ufficio")) {
                ObjectNode struttura = oggetto(Map.of("codice", v.get(gruppo + ".codice"), "nome", v.get(gruppo + ".nome"),
                        "tipo", gruppo.toUpperCase(), "dal", EntiDiProva.DAL.toString()));
                if (gruppo.equals("ufficio")) {
                    struttura.put("settore", v.get("settore.codice"));
                }
                creato(http.post("controllo", "/api/enti/" + ente + "/strutture", JSON.writeValueAsString(struttura)));
                String nome = v.get(gruppo + ".responsabile");
                String persona = MATRICOLE.get(nome);
                if (persona == null) {
                    persona = "P" + n + gruppo.toUpperCase().charAt(0);
                    creato(http.post("controllo", "/api/enti/" + ente + "/persone", JSON.writeValueAsString(oggetto(Map.of(
                            "identificativo", persona, "nome", nome)))));
                }
                String atto = pieno("DECRETO" + n + gruppo.toUpperCase().charAt(0), Limite.ATTO);
                creato(http.post("controllo", "/api/enti/" + ente + "/incarichi", JSON.writeValueAsString(oggetto(Map.of(
                        "struttura", v.get(gruppo + ".codice"), "persona", persona, "tipo", "TITOLARE",
                        "dal", EntiDiProva.DAL.toString(), "atto", atto)))));
                attesi.addAll(List.of(v.get(gruppo + ".codice"), v.get(gruppo + ".nome"), nome, atto));
            }
        }
        attendi(() -> {
            String letto = http.get("nucleo", "/api/enti/" + ente + "/organigramma").corpo()
                    + http.get("nucleo", "/api/enti/" + ente + "/incarichi").corpo();
            return attesi.stream().allMatch(letto::contains);
        }, "l'organigramma dell'ente " + ente + " mostri ogni struttura, responsabile e atto");
    }

    private Obiettivo registra(Map<String, String> v, String utente) throws Exception {
        Risposta definito = http.post("controllo", "/api/obiettivi", JSON.writeValueAsString(definizione(v)));
        assertThat(definito.stato()).as(definito.toString()).isEqualTo(201);
        String base = "/api/obiettivi/" + definito.json().get("id").asText();
        ok(http.post("controllo", base + "/modifiche", JSON.writeValueAsString(modifica(v))));
        for (String nome : List.of(v.get("persona.nome"), v.get("persona2.nome"))) {
            ok(http.post("controllo", base + "/persone", JSON.writeValueAsString(oggetto(Map.of("nome", nome,
                    "categoria", v.get("persona.categoria"), "ruolo", v.get("persona.ruolo"),
                    "inizio", ANNO + "-01-01", "fine", ANNO + "-12-31")))));
        }
        ok(http.post("controllo", base + "/persone/termine", JSON.writeValueAsString(oggetto(Map.of("nome", v.get("persona2.nome"),
                "fine", ANNO + "-06-30")))));
        ok(http.post("controllo", base + "/fasi", JSON.writeValueAsString(oggetto(Map.of("numero", 1, "titolo", v.get("fase.titolo"),
                "descrizione", v.get("fase.descrizione"), "inizio", ANNO + "-01-01", "fine", ANNO + "-12-31")))));
        ok(http.post("controllo", base + "/indicatori", JSON.writeValueAsString(oggetto(Map.of("codice", v.get("indicatore.codice"),
                "nome", v.get("indicatore.nome"), "unita", v.get("indicatore.unita"),
                "valoreAtteso", new java.math.BigDecimal(v.get("indicatore.valoreAtteso")), "direzione", "CRESCENTE", "peso", 100)))));
        ok(http.post(utente, base + "/fasi/1/consuntivi", JSON.writeValueAsString(oggetto(Map.of("mese", ANNO + "-03",
                "svolta", true, "percentuale", 30, "note", v.get("consuntivo.note"), "atto", v.get("consuntivo.atto"))))));
        ok(http.post(utente, base + "/fasi/1/rettifiche", JSON.writeValueAsString(oggetto(Map.of("mese", ANNO + "-03",
                "svolta", true, "percentuale", 40, "note", v.get("rettifica.note"), "atto", v.get("rettifica.atto"),
                "motivazione", v.get("rettifica.motivazione"))))));
        ok(http.post(utente, base + "/fasi/1/rimodulazioni", JSON.writeValueAsString(oggetto(Map.of("inizio", ANNO + "-01-01",
                "fine", ANNO + "-11-30", "motivazione", v.get("rimodulazione.motivazione"))))));
        ok(http.post(utente, base + "/indicatori/" + q(v.get("indicatore.codice")) + "/valori", JSON.writeValueAsString(
                oggetto(Map.of("valore", new java.math.BigDecimal(v.get("valore.valore")), "dataRiferimento", ANNO + "-06-30",
                        "note", v.get("valore.note"))))));
        Risposta completata = http.post(utente, base + "/fasi/1/completamento", JSON.writeValueAsString(oggetto(Map.of(
                "data", ANNO + "-11-30", "atto", v.get("completamento.atto")))));
        ok(completata);
        return new Obiettivo(definito.json().get("id").asText(), utente, completata.json().get("versione").asLong(), v);
    }

    /** The method, the monitoraggio and the final evaluation of both objectives, by the nucleo. */
    private void nucleo(String motivazioneMetodo, String noteMonitoraggio, Obiettivo... obiettivi) throws Exception {
        ok(http.post("nucleo", "/api/valutazione/metodo", JSON.writeValueAsString(oggetto(Map.of("ente", ente, "anno", ANNO,
                "parametri", Map.of("penalitaMeseRitardo", 5, "fattoreNonCompletata", 0.5, "tolleranzaGiorni", 0),
                "motivazione", motivazioneMetodo)))));
        ok(http.post("nucleo", "/api/valutazione/monitoraggi", JSON.writeValueAsString(oggetto(Map.of("ente", ente, "anno", ANNO,
                "data", ANNO + "-06-30", "note", noteMonitoraggio)))));
        for (Obiettivo o : obiettivi) {
            ok(http.post("nucleo", "/api/valutazione/valutazioni", JSON.writeValueAsString(oggetto(Map.of("ente", ente,
                    "anno", ANNO, "obiettivoId", o.id(), "al", ANNO + "-12-31", "valutazioneIndicatori", 50,
                    "motivazione", o.v("valutazione.motivazione"))))));
        }
    }

    private static ObjectNode definizione(Map<String, String> v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ente", v.get("ente")).put("anno", ANNO).put("titolo", v.get("titolo")).put("descrizione", v.get("descrizione"))
                .put("pesoIndicatori", 50).put("pesoFasi", 50);
        for (String gruppo : List.of("settore", "ufficio")) {
            o.putObject(gruppo).put("codice", v.get(gruppo + ".codice")).put("nome", v.get(gruppo + ".nome"))
                    .put("responsabile", v.get(gruppo + ".responsabile"));
        }
        for (String dup : List.of("dupStrategico", "dupOperativo")) {
            o.putObject(dup).put("codice", v.get(dup + ".codice")).put("titolo", v.get(dup + ".titolo"));
        }
        return o;
    }

    private static ObjectNode modifica(Map<String, String> v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("descrizione", v.get("modifica.descrizione")).put("pesoIndicatori", 40).put("pesoFasi", 60)
                .put("motivazione", v.get("modifica.motivazione"));
        o.putObject("dupStrategico").put("codice", v.get("dupStrategico.codice")).put("titolo", v.get("dupStrategico.titolo"));
        o.putObject("dupOperativo").put("codice", v.get("modifica.dupOperativo.codice"))
                .put("titolo", v.get("modifica.dupOperativo.titolo"));
        return o;
    }

    private static ObjectNode oggetto(Map<String, ?> campi) {
        return JSON.valueToTree(campi);
    }

    private static void imposta(ObjectNode corpo, String campo, String valore) {
        int punto = campo.indexOf('.');
        if (punto < 0) {
            corpo.put(campo, valore);
        } else {
            ((ObjectNode) corpo.get(campo.substring(0, punto))).put(campo.substring(punto + 1), valore);
        }
    }

    // ---- reading back ----

    private static void trova(String corpo, String dove, Obiettivo o, String... campi) {
        for (String campo : campi) {
            assertThat(corpo.contains(o.v(campo))).as(dove + " di " + o.id() + ": " + campo).isTrue();
        }
    }

    /** The web application as a logged-in user sees it: form login, session cookie, CSRF token. */
    private final class SessioneWeb {

        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String base = "http://127.0.0.1:" + porta;

        SessioneWeb(String utente) throws IOException, InterruptedException {
            String accesso = browser.send(HttpRequest.newBuilder(URI.create(base + "/accesso")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(accesso);
            assertThat(csrf.find()).as("token CSRF nella pagina di accesso").isTrue();
            String modulo = "utente=" + utente + "&password=" + utente + "&_csrf=" + q(csrf.group(1));
            browser.send(HttpRequest.newBuilder(URI.create(base + "/accesso"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(modulo)).build(), HttpResponse.BodyHandlers.discarding());
        }

        /** The page's text, as a reader sees it (entities decoded). */
        String testo(String percorso) throws IOException, InterruptedException {
            HttpResponse<String> pagina = browser.send(HttpRequest.newBuilder(URI.create(base + percorso)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(pagina.statusCode()).as(percorso).isEqualTo(200);
            return Jsoup.parse(pagina.body()).text();
        }

        int pdf(String percorso) throws IOException, InterruptedException {
            return browser.send(HttpRequest.newBuilder(URI.create(base + percorso)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static List<String> celle(String csv) {
        List<String> celle = new ArrayList<>();
        for (Csv.Riga riga : Csv.leggi(csv.replace(Csv.BOM, ""), Csv.SEPARATORE)) {
            riga.campi().forEach(c -> celle.add(Csv.testoDaCella(c)));
        }
        return celle;
    }

    private List<String> obiettiviDi(String ente, int quanti) throws InterruptedException {
        String percorso = "/api/obiettivi?ente=" + q(ente) + "&anno=" + ANNO;
        boolean arrivati = Attesa.entro(ATTESA, () -> http.get("nucleo", percorso).json().get("obiettivi").size() == quanti);
        assertThat(arrivati).as("gli obiettivi importati: " + http.get("nucleo", percorso)).isTrue();
        List<String> id = new ArrayList<>();
        http.get("nucleo", percorso).json().get("obiettivi").forEach(o -> id.add(o.get("id").asText()));
        return id;
    }

    private Risposta importa(String percorso, byte[] file, String ente) {
        return http.postFile("controllo", percorso + "?ente=" + q(ente) + "&anno=" + ANNO, "peg.txt", "text/plain", file, Map.of());
    }

    /** One objective in the layout of the real print (Stampa Obiettivi PEG): settore, ufficio, tables. */
    private static String stampa(Map<String, String> v) {
        String mesi = String.join("\t", "Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic");
        return String.join("\n",
                "**Stampa Obiettivi PEG straordinari**", "",
                "**" + v.get("settore.codice") + " - " + v.get("settore.nome") + "**", "",
                "<b>Responsabile settore</b>\t" + v.get("settore.responsabile") + "\t\t", "",
                "**" + v.get("ufficio.codice") + " - " + v.get("ufficio.nome") + "**", "",
                "<b>Responsabile settore</b>\t" + v.get("settore.responsabile") + "\t<b>Responsabile ufficio</b>\t"
                        + v.get("ufficio.responsabile"),
                "<b>Obiettivo PEG</b>\t<b>" + v.get("titolo") + "</b>\t\t",
                "<b>Peso indicatori</b>\t50.0\t<b>Peso fasi</b>\t50.0",
                "<b>Descrizione</b>\t" + v.get("descrizione") + "\t\t",
                "<b>Obiettivo strategico DUP</b>\t" + v.get("dupStrategico.codice") + " - " + v.get("dupStrategico.titolo") + "\t\t",
                "<b>Obiettivo operativo DUP</b>\t" + v.get("dupOperativo.codice") + " - " + v.get("dupOperativo.titolo") + "\t\t", "",
                "Persona\tCategoria\tRuolo\tInizio\tFine",
                v.get("persona.nome") + "\t" + v.get("persona.categoria") + "\t" + v.get("persona.ruolo") + "\t01/01/" + ANNO
                        + "\t31/12/" + ANNO, "",
                "Fase\tDescrizione fase\tInizio\tFine",
                v.get("fase.titolo") + "\t" + v.get("fase.descrizione") + "\t01/01/" + ANNO + "\t30/09/" + ANNO, "",
                "Cronoprogramma\t\t" + mesi,
                v.get("fase.titolo") + "\tPrevisto\t\t\t\t\t\t\t\t\t\t\t\t",
                "\tConsuntivo\t\t\t\t\t\t\t\t\t\t\t\t", "");
    }

    private long eventi() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }

    private static void ok(Risposta r) {
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
    }

    private static void creato(Risposta r) {
        assertThat(r.stato()).as(r.toString()).isEqualTo(201);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void attendi(java.util.function.Supplier<Boolean> condizione, String cosa) {
        try {
            assertThat(Attesa.entro(ATTESA, condizione)).as("in attesa che " + cosa).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
