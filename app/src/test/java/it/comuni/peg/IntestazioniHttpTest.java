package it.comuni.peg;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.SessioneWeb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' bad parameters, the language of pages and problems, and malformed Idempotency-Key and
 * If-Match headers, over real HTTP: each gets the same Italian
 * problem+json as any other bad input (400 {@code input-non-valido}, the header named in
 * {@code errori}), never a container's or Spring's default error body, and appends nothing; the
 * well-formed variants are accepted. Control characters are sent over a raw socket: no HTTP client
 * library lets them through, and Tomcat refuses them before the application sees the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class IntestazioniHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHIAVE = "Idempotency-Key";
    private static final String IF_MATCH = "If-Match";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;

    ClienteHttp http;
    String id;

    @BeforeEach
    void obiettivo() {
        http = new ClienteHttp(porta);
        Risposta creato = http.post("controllo", "/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(
                YearMonth.now(ZoneId.of("Europe/Rome")).getYear()));
        assertThat(creato.stato()).as(creato.toString()).isEqualTo(201);
        id = creato.json().get("id").asText();
    }

    private String fasi() {
        return "/api/obiettivi/" + id + "/fasi";
    }

    private static String fase(int numero) {
        return "{\"numero\":" + numero + ",\"titolo\":\"Fase " + numero + "\"}";
    }

    private int eventi() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
    }

    @Test
    void aMalformedIdempotencyKeyGetsProblemJsonNamingIt() {
        Map<String, String> malformate = Map.of(
                "vuota", "",
                "troppo lunga", "k".repeat(256),
                "con spazi", "chiave con spazi",
                "con tabulazione", "chiave\tcon-tab");
        malformate.forEach((caso, chiave) -> assertProblema(caso,
                http.post("controllo", fasi(), fase(1), Map.of(CHIAVE, chiave)), CHIAVE, "Idempotency-Key"));
        // beyond ASCII, as ISO-8859-1 and as UTF-8 bytes (Java's client would send a '?' for either)
        assertProblema("Latin-1", grezza("controllo", fasi(), fase(1), List.of(CHIAVE + ": chiave-\u00e8")), CHIAVE,
                "Idempotency-Key");
        assertProblema("UTF-8", grezza("controllo", fasi(), fase(1), List.of(CHIAVE + ": chiave-\u00c3\u00a8")), CHIAVE,
                "Idempotency-Key");
        // sent twice: which one would count?
        assertProblema("ripetuta", grezza("controllo", fasi(), fase(1), List.of(CHIAVE + ": a", CHIAVE + ": b")),
                CHIAVE, "una sola chiave");
        assertThat(eventi()).as("nessun evento dalle richieste rifiutate").isEqualTo(1);

        // the longest key accepted is the column's width
        Risposta lunga = http.post("controllo", fasi(), fase(1), Map.of(CHIAVE, "k".repeat(255)));
        assertThat(lunga.stato()).as(lunga.toString()).isEqualTo(200);
        assertThat(http.post("controllo", fasi(), fase(1), Map.of(CHIAVE, "k".repeat(255))).intestazione("Idempotent-Replayed"))
                .isEqualTo("true");
        assertThat(eventi()).isEqualTo(2);
    }

    @Test
    void aMalformedIfMatchGetsProblemJsonNamingIt() {
        Map<String, String> malformati = new HashMap<>(Map.of(
                "vuoto", "",
                "lista", "\"1\", \"2\"",
                "virgolette aperte", "\"1",
                "virgolette chiuse", "1\"",
                "non un numero", "ieri",
                "negativo", "\"-1\"",
                "oltre un long", "\"99999999999999999999\"",
                "debole non numerico", "W/\"x\""));
        malformati.put("due etichette deboli", "W/\"1\", W/\"2\"");
        malformati.forEach((caso, valore) -> assertProblema(caso,
                http.post("controllo", fasi(), fase(1), Map.of(IF_MATCH, valore)), IF_MATCH, "If-Match"));
        assertProblema("non ASCII", grezza("controllo", fasi(), fase(1), List.of(IF_MATCH + ": \"1\u00e8\"")), IF_MATCH, "If-Match");
        assertProblema("ripetuto", grezza("controllo", fasi(), fase(1), List.of(IF_MATCH + ": \"0\"", IF_MATCH + ": \"1\"")),
                IF_MATCH, "una sola versione");
        assertThat(eventi()).as("nessun evento dalle richieste rifiutate").isEqualTo(1);
    }

    @Test
    void theWellFormedIfMatchesAreAccepted() {
        // quoted as the ETag, bare, weak (as a compressing proxy passes the ETag on), any
        List<String> valori = List.of("\"0\"", "1", "W/\"2\"", "*");
        for (int i = 0; i < valori.size(); i++) {
            Risposta r = http.post("controllo", fasi(), fase(i + 1), Map.of(IF_MATCH, valori.get(i)));
            assertThat(r.stato()).as(valori.get(i) + ": " + r).isEqualTo(200);
            assertThat(r.intestazione("ETag")).isEqualTo("\"" + (i + 1) + "\"");
        }
        Risposta superata = http.post("controllo", fasi(), fase(9), Map.of(IF_MATCH, "W/\"2\""));
        assertThat(superata.stato()).as(superata.toString()).isEqualTo(412);
        assertThat(eventi()).isEqualTo(5);
    }

    /** Refused by Tomcat while it parses the request: answered by our error report valve. */
    @Test
    void controlCharactersInAHeaderGetProblemJsonNamingIt() {
        Map<String, String> righe = Map.of(
                "SOH nella chiave", CHIAVE + ": chiave\u0001",
                "NUL nella chiave", CHIAVE + ": chiave\u0000x",
                "DEL nella chiave", CHIAVE + ": chiave\u007f",
                "ESC in If-Match", IF_MATCH + ": \"1\u001b\"");
        righe.forEach((caso, riga) -> {
            Risposta r = grezza("controllo", fasi(), fase(1), List.of(riga));
            String intestazione = riga.substring(0, riga.indexOf(':'));
            assertProblema(caso, r, intestazione, "caratteri di controllo");
        });
        assertThat(eventi()).isEqualTo(1);
    }

    /**
     * A page asked with a parameter of the wrong type, an unknown stato or a parameter missing: an Italian
     * 400 page naming the parameter, in the site's layout (the user bar and its menu), never a 500.
     */
    @Test
    void aPageWithABadOrMissingParameterIsAnItalian400PageNamingIt() {
        SessioneWeb pagine = new SessioneWeb(porta, "nucleo");
        String annoNonNumero = "Il parametro «anno» deve essere un numero intero: «abc» non lo è.";
        Map<String, List<String>> letture = new LinkedHashMap<>();
        letture.put("/peg?anno=abc", List.of(annoNonNumero));
        letture.put("/valutazione?anno=abc", List.of(annoNonNumero));
        letture.put("/stampa/peg/pdf?ente=" + EntiDiProva.PROVA + "&anno=abc", List.of(annoNonNumero));
        letture.put("/peg?stato=FINITO", List.of("Il parametro «stato» vale «FINITO», che non è uno dei valori noti: ammessi",
                "NON_AVVIATO (non avviato)", "IN_RITARDO (in ritardo)", "COMPLETATO (completato)"));
        letture.put("/obiettivi/" + id + "/confronto?da=2023-01-01", List.of("Manca il parametro «a»: la data fino a cui confrontare."));
        letture.put("/obiettivi/" + id + "/confronto?a=2023-01-01", List.of("Manca il parametro «da»: la data da cui confrontare."));
        letture.forEach((percorso, messaggi) -> assertPagina400(percorso, pagine.leggi(percorso), messaggi));
        assertPagina400("il modulo del nucleo", pagine.posta("/valutazione/monitoraggi",
                Map.of("ente", EntiDiProva.PROVA, "anno", "abc", "mese", "2023-06")), List.of(annoNonNumero));
        // the filter's "tutti" (an empty stato) is no error
        assertThat(pagine.leggi("/peg?stato=").stato()).isEqualTo(200);
    }

    /** The pages are Italian and say so, whatever language the browser asks for; so are the API's problems. */
    @Test
    void pagesAndProblemsAreSentAsItalian() throws Exception {
        SessioneWeb pagine = new SessioneWeb(porta, "nucleo");
        for (String percorso : List.of("/peg", "/obiettivi/" + id, "/obiettivi/" + id + "/confronto?da=2023-01-01")) {
            HttpResponse<byte[]> pagina = pagine.risposta(percorso);
            assertThat(pagina.headers().firstValue("Content-Language")).as(percorso).hasValue("it");
        }
        HttpResponse<byte[]> accesso = new SessioneWeb(porta, null).risposta("/accesso");
        assertThat(accesso.headers().firstValue("Content-Language")).as("/accesso").hasValue("it");
        Risposta problema = http.get("controllo", "/api/obiettivi/xyz", Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(problema.stato()).isEqualTo(404);
        assertThat(problema.intestazione("Content-Language")).as(problema.toString()).isEqualTo("it");
        assertThat(problema.json().get("detail").asText()).isEqualTo("Obiettivo xyz non trovato");
        Risposta scheda = http.get("controllo", "/api/obiettivi/" + id, Map.of("Accept-Language", "en"));
        assertThat(scheda.stato()).isEqualTo(200);
        assertThat(scheda.intestazione("Content-Language")).as(scheda.toString()).isEqualTo("it");
    }

    private static void assertPagina400(String caso, SessioneWeb.Pagina pagina, List<String> messaggi) {
        assertThat(pagina.stato()).as(caso + ": " + pagina.corpo()).isEqualTo(400);
        assertThat(pagina.corpo()).as(caso).contains("<h1>Richiesta non valida</h1>").doesNotContain("Errore interno")
                .contains("id=\"utente-collegato\"", "id=\"esci\"");
        messaggi.forEach(m -> assertThat(pagina.corpo()).as(caso).contains(m));
    }

    private static void assertProblema(String caso, Risposta r, String campo, String messaggio) {
        assertThat(r.stato()).as(caso + ": " + r).isEqualTo(400);
        assertThat(r.intestazione("Content-Type")).as(caso + ": " + r).startsWith("application/problem+json");
        JsonNode problema = r.json();
        assertThat(problema.get("type").asText()).as(caso).isEqualTo("urn:peg:problema:input-non-valido");
        assertThat(problema.get("title").asText()).as(caso).isEqualTo("Richiesta non valida");
        assertThat(problema.get("status").asInt()).as(caso).isEqualTo(400);
        assertThat(problema.get("errori").findValuesAsString("campo")).as(caso + ": " + r).containsExactly(campo);
        assertThat(problema.get("errori").get(0).get("messaggio").asText()).as(caso).contains(messaggio);
        assertThat(problema.get("detail").asText()).as(caso).contains(messaggio);
    }

    /**
     * A POST written byte by byte, with header lines no client library would send (a control
     * character, the same header twice). The answer is read to the end (Connection: close).
     */
    private Risposta grezza(String utente, String percorso, String corpo, List<String> righe) {
        byte[] dati = corpo.getBytes(StandardCharsets.UTF_8);
        StringBuilder richiesta = new StringBuilder()
                .append("POST ").append(percorso).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(porta).append("\r\n")
                .append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                        (utente + ":" + utente).getBytes(StandardCharsets.UTF_8))).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(dati.length).append("\r\n")
                .append("Connection: close\r\n");
        righe.forEach(r -> richiesta.append(r).append("\r\n"));
        richiesta.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", porta)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(richiesta.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(dati);
            socket.getOutputStream().flush();
            return leggi(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Risposta leggi(InputStream in) throws IOException {
        byte[] tutto = in.readAllBytes();
        String testa = new String(tutto, StandardCharsets.ISO_8859_1);
        int fine = testa.indexOf("\r\n\r\n");
        String[] righe = testa.substring(0, fine).split("\r\n");
        int stato = Integer.parseInt(righe[0].split(" ")[1]);
        Map<String, List<String>> intestazioni = new HashMap<>();
        for (int i = 1; i < righe.length; i++) {
            int due = righe[i].indexOf(':');
            intestazioni.put(righe[i].substring(0, due).strip(), List.of(righe[i].substring(due + 1).strip()));
        }
        byte[] corpo = java.util.Arrays.copyOfRange(tutto, fine + 4, tutto.length);
        boolean aPezzi = intestazioni.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding")
                && e.getValue().get(0).toLowerCase(Locale.ROOT).contains("chunked"));
        return new Risposta(stato, new String(aPezzi ? ricomponi(corpo) : corpo, StandardCharsets.UTF_8), intestazioni);
    }

    /** A chunked body, put back together. */
    private static byte[] ricomponi(byte[] pezzi) {
        ByteArrayOutputStream corpo = new ByteArrayOutputStream();
        int i = 0;
        while (i < pezzi.length) {
            int fineRiga = indice(pezzi, i);
            int lunghezza = Integer.parseInt(new String(pezzi, i, fineRiga - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (lunghezza == 0) {
                break;
            }
            corpo.write(pezzi, fineRiga + 2, lunghezza);
            i = fineRiga + 2 + lunghezza + 2;
        }
        return corpo.toByteArray();
    }

    private static int indice(byte[] dati, int da) {
        for (int i = da; i < dati.length - 1; i++) {
            if (dati[i] == '\r' && dati[i + 1] == '\n') {
                return i;
            }
        }
        return dati.length;
    }
}
