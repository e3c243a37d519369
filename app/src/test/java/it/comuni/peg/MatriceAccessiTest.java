package it.comuni.peg;

import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.SessioneWeb;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTTP route of the application (API and pages, listed from the application's own request
 * mappings, so that a new route without a row fails this test) × every role held in the route's
 * ente ({@code proprio}), the same role held only in another ente ({@code altro}), a user of no ente
 * at all, the installation's two roles and the anonymous caller. Each cell states its answer: allowed
 * (2xx, or a page's redirect after a form), 401 (a page: the redirect to the sign-in), 403, or 404 (an
 * ente the user has no role in is answered as if it did not exist). A refusal appends no event.
 * Ente A ({@value #A}) holds the objective every route names; ente B ({@value #B}) is where the
 * "altro" users act.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
@AutoConfigureMetrics
class MatriceAccessiTest {

    static final String A = "c_matrice_a";
    static final String B = "c_matrice_b";

    enum Relazione { ANONIMO, PROPRIO, ALTRO, NESSUNO }

    enum Atteso {
        SI("sì"), NON_AUTENTICATO("401"), VIETATO("403"), NON_TROVATO("404");

        final String sigla;

        Atteso(String sigla) {
            this.sigla = sigla;
        }
    }

    /** One column of the matrix: who calls, standing in which relation to ente A, with which role. */
    record Colonna(String nome, String utente, Relazione relazione, Ruolo ruolo) {
    }

    static final List<Colonna> COLONNE = List.of(
            new Colonna("anonimo", null, Relazione.ANONIMO, null),
            new Colonna("CdG A", "controllo", Relazione.PROPRIO, Ruolo.CONTROLLO_GESTIONE),
            new Colonna("dir A", "dirigente", Relazione.PROPRIO, Ruolo.DIRIGENTE),
            new Colonna("resp A", "responsabile", Relazione.PROPRIO, Ruolo.RESPONSABILE_UFFICIO),
            new Colonna("nucleo A", "nucleo", Relazione.PROPRIO, Ruolo.NUCLEO),
            new Colonna("CdG B", "altro.controllo", Relazione.ALTRO, Ruolo.CONTROLLO_GESTIONE),
            new Colonna("dir B", "altro.dirigente", Relazione.ALTRO, Ruolo.DIRIGENTE),
            new Colonna("resp B", "altro.responsabile", Relazione.ALTRO, Ruolo.RESPONSABILE_UFFICIO),
            new Colonna("nucleo B", "altro.nucleo", Relazione.ALTRO, Ruolo.NUCLEO),
            new Colonna("nessun ente", "senzaente", Relazione.NESSUNO, null),
            new Colonna("ops", "ops", Relazione.NESSUNO, Ruolo.OPS),
            new Colonna("amministr.", "amministratore", Relazione.NESSUNO, Ruolo.AMMINISTRATORE));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws java.io.IOException {
        MariaDbDiTest.registra(registry);
        // receipts are issued here: a signing key and an export folder outside the database
        Path firma = Files.createTempDirectory(Path.of("target"), "matrice-firma");
        registry.add("peg.audit.firma.chiave", () -> firma.resolve("chiave.pem").toString());
        registry.add("peg.audit.firma.genera", () -> "true");
        registry.add("peg.audit.checkpoint.esportazione", () -> firma.resolve("checkpoint").toString());
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntiDiProva enti;

    @Autowired
    AccessiUtenti accessi;

    @Autowired
    it.comuni.peg.platform.audit.Ricevute ricevute;

    @Autowired
    it.comuni.peg.platform.audit.EsportazioneCheckpoint esportazione;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping rotteApplicazione;

    private final AtomicInteger progressivo = new AtomicInteger();

    /** How to call a route as a column: the path (with query) and the body (JSON text, form fields, or a file). */
    record Chiamata(String percorso, Object corpo) {
    }

    /** One row: the route as mapped, whether it is a page, how to call it, what each column gets. */
    record Rotta(String metodo, String modello, boolean pagina, Function<Colonna, Chiamata> chiamata,
                 Function<Colonna, Atteso> atteso) {

        String chiave() {
            return metodo + " " + modello;
        }
    }

    // ---- what a row expects ----

    /** A route of ente A: allowed to the roles listed when held in A (and to the administrator when said). */
    static Function<Colonna, Atteso> ente(Set<Ruolo> ammessi, boolean ancheAmministratore) {
        return c -> switch (c.relazione()) {
            case ANONIMO -> Atteso.NON_AUTENTICATO;
            case PROPRIO -> ammessi.contains(c.ruolo()) ? Atteso.SI : Atteso.VIETATO;
            case ALTRO -> Atteso.NON_TROVATO;
            case NESSUNO -> ancheAmministratore && c.ruolo() == Ruolo.AMMINISTRATORE ? Atteso.SI : Atteso.NON_TROVATO;
        };
    }

    static Function<Colonna, Atteso> ente(Ruolo... ammessi) {
        return ente(Set.of(ammessi), false);
    }

    static final Function<Colonna, Atteso> LETTURA = ente(Perimetro.LETTORI, false);
    static final Function<Colonna, Atteso> PIANO = ente(Ruolo.CONTROLLO_GESTIONE);
    static final Function<Colonna, Atteso> AVANZAMENTO = ente(Ruolo.DIRIGENTE, Ruolo.RESPONSABILE_UFFICIO);
    static final Function<Colonna, Atteso> ORGANIGRAMMA = ente(Set.of(Ruolo.CONTROLLO_GESTIONE), true);

    /** A route of the installation: its role only, whatever the ente. */
    static Function<Colonna, Atteso> installazione(Ruolo ruolo) {
        return c -> c.relazione() == Relazione.ANONIMO ? Atteso.NON_AUTENTICATO : c.ruolo() == ruolo ? Atteso.SI : Atteso.VIETATO;
    }

    /** A route of no ente (a form, a template): anyone signed in. */
    static final Function<Colonna, Atteso> AUTENTICATO = c -> c.relazione() == Relazione.ANONIMO ? Atteso.NON_AUTENTICATO : Atteso.SI;
    static final Function<Colonna, Atteso> PUBBLICO = c -> Atteso.SI;

    /** A page offering the user's own enti where they hold one of the roles (in A or in B alike). */
    static Function<Colonna, Atteso> inUnEnte(Ruolo... ruoli) {
        Set<Ruolo> ammessi = Set.of(ruoli);
        return c -> c.relazione() == Relazione.ANONIMO ? Atteso.NON_AUTENTICATO
                : (c.relazione() == Relazione.PROPRIO || c.relazione() == Relazione.ALTRO) && ammessi.contains(c.ruolo())
                ? Atteso.SI : Atteso.VIETATO;
    }

    @Test
    void everyRouteForEveryRoleInOwnOtherAndNoEnte() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        int anno = YearMonth.now(ZoneId.of("Europe/Rome")).getYear();
        enti.prepara(A);
        enti.prepara(B, new String[0]);
        for (String altro : List.of("altro.controllo", "altro.dirigente", "altro.responsabile", "altro.nucleo")) {
            accessi.concedi(altro, EntiDiProva.accesso(B, altro), "test");
        }
        String id = obiettivo(http, A, anno);
        // a second objective for the valutazione finale of the page (one per objective, the API's takes the first)
        String secondo = obiettivo(http, A, anno);
        obiettivo(http, B, anno);
        String oggi = LocalDate.now(ZoneId.of("Europe/Rome")).toString();
        String ieri = LocalDate.now(ZoneId.of("Europe/Rome")).minusDays(1).toString();
        String base = "/api/obiettivi/" + id;
        String peg = "ente=" + A + "&anno=" + anno;
        byte[] stampa = primoObiettivoDellaStampa();
        // its own counter: the rows after it draw their values from progressivo's sequence
        AtomicInteger giornoSmvp = new AtomicInteger();
        String smvp = DocumentoMetodo.scrivi(DocumentoMetodo.leggi(Files.readString(Path.of("..", "docs", "smvp", "esempio-gzoom.yaml"))
                .replace("ente: c_b648", "ente: " + A).replace("anno: 2023", "anno: " + anno), DocumentoMetodo.Formato.YAML),
                DocumentoMetodo.Formato.JSON);
        byte[] csv = ("tipo;chiave;titolo;settore;peso_indicatori;peso_fasi\nOBIETTIVO;M1;Obiettivo da CSV;SASTER;50;50\n")
                .getBytes(StandardCharsets.UTF_8);

        List<Rotta> rotte = new ArrayList<>(List.of(
                // ---- API: reads of ente A ----
                api("GET", "/api/obiettivi", c -> get("/api/obiettivi?" + peg), LETTURA),
                api("GET", "/api/obiettivi/{id}", c -> get(base + "?asOf=" + oggi), LETTURA),
                api("GET", "/api/obiettivi/{id}/storico", c -> get(base + "/storico"), LETTURA),
                api("GET", "/api/obiettivi/{id}/differenze", c -> get(base + "/differenze?da=2020-01-01&a=" + oggi), LETTURA),
                api("GET", "/api/obiettivi/{id}/valutazione", c -> get(base + "/valutazione?al=" + oggi), LETTURA),
                api("GET", "/api/peg/{anno}/valutazione", c -> get("/api/peg/" + anno + "/valutazione?ente=" + A + "&al=" + oggi), LETTURA),
                api("GET", "/api/peg/{anno}/storico", c -> get("/api/peg/" + anno + "/storico?ente=" + A), LETTURA),
                api("GET", "/api/peg/{anno}/differenze", c -> get("/api/peg/" + anno + "/differenze?ente=" + A + "&da=2020-01-01&a=" + oggi), LETTURA),
                api("GET", "/api/persone/valutazione", c -> get("/api/persone/valutazione?ente=" + A + "&nome=ROSSI%20MARIO&anno=" + anno), LETTURA),
                api("GET", "/api/peg/csv/modello", c -> get("/api/peg/csv/modello"), AUTENTICATO),
                api("GET", "/api/peg/{anno}/csv", c -> get("/api/peg/" + anno + "/csv?ente=" + A), LETTURA),
                api("GET", "/api/peg/{anno}/valutazione.csv", c -> get("/api/peg/" + anno + "/valutazione.csv?ente=" + A), LETTURA),
                api("GET", "/api/peg/{anno}/valutazione/settori.csv", c -> get("/api/peg/" + anno + "/valutazione/settori.csv?ente=" + A), LETTURA),
                api("GET", "/api/peg/{anno}/valutazione/persone.csv", c -> get("/api/peg/" + anno + "/valutazione/persone.csv?ente=" + A), LETTURA),
                // the administrator verifies the whole chain, asking for no ente
                api("GET", "/api/audit/verifica", c -> get(c.ruolo() == Ruolo.AMMINISTRATORE ? "/api/audit/verifica" : "/api/audit/verifica?ente=" + A),
                        ente(EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE), true)),
                api("POST", "/api/audit/ricevute/verifica", c -> json(audit(c, "/api/audit/ricevute/verifica"),
                        ricevute.adesso().orElseThrow().json()), ente(EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE), true)),
                api("GET", "/api/audit/ricevute/adesso", c -> get(audit(c, "/api/audit/ricevute/adesso")),
                        ente(EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE), true)),
                api("GET", "/api/audit/checkpoint", c -> get(audit(c, "/api/audit/checkpoint")),
                        ente(EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE), true)),
                api("GET", "/api/audit/checkpoint/esportati", c -> get(audit(c, "/api/audit/checkpoint/esportati")),
                        ente(EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE), true)),
                api("GET", "/api/audit/checkpoint/esportati/{nome}", c -> {
                    ricevute.adesso();
                    return get(audit(c, "/api/audit/checkpoint/esportati/" + esportazione.elenco().get(0)));
                }, ente(EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE), true)),
                api("GET", "/api/enti/{ente}/organigramma", c -> get("/api/enti/" + A + "/organigramma?al=" + oggi), LETTURA),
                api("GET", "/api/enti/{ente}/incarichi", c -> get("/api/enti/" + A + "/incarichi?struttura=SASTER"), LETTURA),
                api("GET", "/api/enti/{ente}/accessi", c -> get("/api/enti/" + A + "/accessi"), ORGANIGRAMMA),
                // ---- API: the plan of ente A (controllo di gestione) ----
                api("POST", "/api/obiettivi", c -> json("/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(anno).replace("c_prova", A)), PIANO),
                api("POST", "/api/obiettivi/{id}/modifiche", c -> json(base + "/modifiche", "{\"descrizione\":\"v" + progressivo.incrementAndGet()
                        + "\",\"pesoIndicatori\":50,\"pesoFasi\":50,\"motivazione\":\"Delibera\"}"), PIANO),
                api("POST", "/api/obiettivi/{id}/titolo", c -> json(base + "/titolo", "{\"titolo\":\"Titolo " + progressivo.incrementAndGet()
                        + "\",\"motivazione\":\"Delibera di variazione\"}"), PIANO),
                api("POST", "/api/obiettivi/{id}/persone", c -> json(base + "/persone", "{\"nome\":\"PERSONA " + progressivo.incrementAndGet()
                        + "\",\"inizio\":\"" + anno + "-01-01\",\"fine\":\"" + anno + "-12-31\"}"), PIANO),
                api("POST", "/api/obiettivi/{id}/persone/termine", c -> json(base + "/persone/termine", "{\"nome\":\"ROSSI MARIO\",\"fine\":\""
                        + anno + "-12-" + (10 + progressivo.incrementAndGet() % 15) + "\"}"), PIANO),
                api("POST", "/api/obiettivi/{id}/fasi", c -> json(base + "/fasi", "{\"numero\":" + (100 + progressivo.incrementAndGet())
                        + ",\"titolo\":\"Nuova\"}"), PIANO),
                api("POST", "/api/obiettivi/{id}/indicatori", c -> json(base + "/indicatori", "{\"codice\":\"I" + progressivo.incrementAndGet()
                        + "\",\"nome\":\"N\",\"valoreAtteso\":1,\"direzione\":\"CRESCENTE\",\"peso\":1}"), PIANO),
                api("POST", "/api/import", c -> new Chiamata("/api/import?" + peg, stampa), PIANO),
                api("POST", "/api/import/csv", c -> new Chiamata("/api/import/csv?" + peg, csv), PIANO),
                // ---- API: progress on ente A's objective (the dirigente of its settore, the responsabile of its ufficio) ----
                api("POST", "/api/obiettivi/{id}/fasi/{numero}/consuntivi", c -> json(base + "/fasi/1/consuntivi", "{\"mese\":\""
                        + mese(c.ruolo() == Ruolo.DIRIGENTE ? 1 : 0) + "\",\"svolta\":true,\"percentuale\":" + (10 + progressivo.incrementAndGet() % 80) + "}"),
                        AVANZAMENTO),
                api("POST", "/api/obiettivi/{id}/fasi/{numero}/rettifiche", c -> json(base + "/fasi/2/rettifiche", "{\"mese\":\"" + mese(0)
                        + "\",\"svolta\":true,\"percentuale\":" + (11 + progressivo.incrementAndGet() % 80) + ",\"motivazione\":\"Errore\"}"), AVANZAMENTO),
                api("POST", "/api/obiettivi/{id}/fasi/{numero}/rimodulazioni", c -> json(base + "/fasi/3/rimodulazioni", "{\"inizio\":\""
                        + anno + "-01-01\",\"fine\":\"" + anno + "-11-" + (10 + progressivo.incrementAndGet() % 15) + "\",\"motivazione\":\"Ritardo\"}"),
                        AVANZAMENTO),
                api("POST", "/api/obiettivi/{id}/fasi/{numero}/completamento", c -> json(base + "/fasi/" + (c.ruolo() == Ruolo.DIRIGENTE ? 4 : 5)
                        + "/completamento", "{\"data\":\"" + oggi + "\"}"), AVANZAMENTO),
                api("POST", "/api/obiettivi/{id}/indicatori/{codice}/valori", c -> json(base + "/indicatori/GG/valori", "{\"valore\":"
                        + progressivo.incrementAndGet() + ",\"dataRiferimento\":\"" + oggi + "\"}"), AVANZAMENTO),
                // ---- API: the nucleo's acts in ente A ----
                api("POST", "/api/valutazione/metodo", c -> json("/api/valutazione/metodo", "{\"ente\":\"" + A + "\",\"anno\":" + anno
                        + ",\"parametri\":{\"penalitaMeseRitardo\":" + (10 + progressivo.incrementAndGet() % 80)
                        + ",\"fattoreNonCompletata\":0.5,\"tolleranzaGiorni\":0},\"motivazione\":\"SMVP\"}"), ente(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE)),
                // the method changes only until the first valutazione finale
                pagina("POST", "/valutazione/metodo", c -> modulo("/valutazione/metodo?" + peg, Map.of("penalitaMeseRitardo",
                        String.valueOf(5 + progressivo.incrementAndGet() % 90), "fattoreNonCompletata", "0,5", "tolleranzaGiorni", "0", "motivazione", "SMVP")),
                        ente(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE)),
                // the SMVP: a version set by the nucleo or the controllo di gestione (each in force from its own day), then read
                api("PUT", "/api/valutazione/metodo-smvp", c -> json("/api/valutazione/metodo-smvp?" + peg + "&inVigoreDal=" + anno + "-01-"
                        + String.format("%02d", giornoSmvp.incrementAndGet()) + "&motivazione=SMVP", smvp), ente(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE)),
                api("GET", "/api/valutazione/metodo-smvp", c -> get("/api/valutazione/metodo-smvp?" + peg + "&al=" + oggi), LETTURA),
                api("GET", "/api/valutazione/metodo-smvp/versioni", c -> get("/api/valutazione/metodo-smvp/versioni?" + peg), LETTURA),
                api("GET", "/api/valutazione/metodo-smvp/differenze", c -> get("/api/valutazione/metodo-smvp/differenze?" + peg + "&da=1&a=2"),
                        LETTURA),
                api("GET", "/api/valutazione/smvp/obiettivi/{id}", c -> get("/api/valutazione/smvp/obiettivi/" + id + "?al=" + oggi), LETTURA),
                api("GET", "/api/valutazione/smvp/peg", c -> get("/api/valutazione/smvp/peg?" + peg + "&al=" + oggi), LETTURA),
                api("GET", "/api/valutazione/smvp/peg.csv", c -> get("/api/valutazione/smvp/peg.csv?" + peg + "&al=" + oggi), LETTURA),
                api("POST", "/api/valutazione/smvp/decisioni", c -> json("/api/valutazione/smvp/decisioni", "{\"ente\":\"" + A + "\",\"anno\":"
                        + anno + ",\"obiettivoId\":\"" + id + "\",\"voce\":\"OBIETTIVO\",\"tipo\":\"FORZATURA\",\"valore\":50,"
                        + "\"motivazione\":\"Valutazione del nucleo\"}"), ente(Ruolo.NUCLEO)),
                api("POST", "/api/valutazione/monitoraggi", c -> json("/api/valutazione/monitoraggi", "{\"ente\":\"" + A + "\",\"anno\":" + anno
                        + ",\"data\":\"" + ieri + "\"}"), ente(Ruolo.NUCLEO)),
                api("POST", "/api/valutazione/valutazioni", c -> json("/api/valutazione/valutazioni", "{\"ente\":\"" + A + "\",\"anno\":" + anno
                        + ",\"obiettivoId\":\"" + id + "\",\"al\":\"" + ieri + "\",\"motivazione\":\"Raggiunto\"}"), ente(Ruolo.NUCLEO)),
                // the Relazione of last year: its validazione follows the year's end; NON_VALIDATA leaves room for another act
                api("POST", "/api/valutazione/relazione/validazione", c -> json("/api/valutazione/relazione/validazione", "{\"ente\":\"" + A
                        + "\",\"anno\":" + (anno - 1) + ",\"data\":\"" + oggi + "\",\"esito\":\"NON_VALIDATA\",\"motivazione\":\"Da integrare\"}"),
                        ente(Ruolo.NUCLEO)),
                api("GET", "/api/valutazione/relazione/allegato", c -> get("/api/valutazione/relazione/allegato?" + peg + "&formato=docx"), LETTURA),
                // ---- API: ente A's organigramma and accessi (its controllo di gestione, or the administrator) ----
                api("POST", "/api/enti", c -> json("/api/enti", "{\"ente\":\"c_nuovo" + progressivo.incrementAndGet()
                        + "\",\"nome\":\"Comune nuovo\"}"), installazione(Ruolo.AMMINISTRATORE)),
                api("POST", "/api/enti/{ente}/denominazioni", c -> json("/api/enti/" + A + "/denominazioni", "{\"denominazione\":\"Comune A "
                        + progressivo.incrementAndGet() + "\"}"), installazione(Ruolo.AMMINISTRATORE)),
                api("POST", "/api/enti/{ente}/strutture", c -> json("/api/enti/" + A + "/strutture", "{\"codice\":\"S" + progressivo.incrementAndGet()
                        + "\",\"nome\":\"Settore nuovo\",\"tipo\":\"SETTORE\",\"dal\":\"" + anno + "-01-01\"}"), ORGANIGRAMMA),
                api("POST", "/api/enti/{ente}/strutture/{codice}/ridenominazioni", c -> json("/api/enti/" + A + "/strutture/SSEGEN/ridenominazioni",
                        "{\"nome\":\"SEGRETERIA " + progressivo.incrementAndGet() + "\",\"motivazione\":\"Delibera\"}"), ORGANIGRAMMA),
                api("POST", "/api/enti/{ente}/strutture/{codice}/chiusura", c -> {
                    // each call closes a settore of its own, made a moment before
                    String codice = enti.istituisciSettore(A, "C" + progressivo.incrementAndGet());
                    return json("/api/enti/" + A + "/strutture/" + codice + "/chiusura", "{\"al\":\"" + anno + "-12-31\",\"motivazione\":\"Soppressione\"}");
                }, ORGANIGRAMMA),
                api("POST", "/api/enti/{ente}/persone", c -> json("/api/enti/" + A + "/persone", "{\"identificativo\":\"P" + progressivo.incrementAndGet()
                        + "\",\"nome\":\"PERSONA NUOVA\"}"), ORGANIGRAMMA),
                api("POST", "/api/enti/{ente}/persone/{identificativo}/correzioni", c -> json("/api/enti/" + A + "/persone/M002/correzioni",
                        "{\"nome\":\"BIANCHI ANNA " + (char) ('A' + progressivo.incrementAndGet() % 26) + "\",\"motivazione\":\"Refuso\"}"), ORGANIGRAMMA),
                api("POST", "/api/enti/{ente}/incarichi", c -> {
                    // each call confers the incarico of a settore of its own, made a moment before
                    String codice = enti.istituisciSettore(A, "I" + progressivo.incrementAndGet());
                    return json("/api/enti/" + A + "/incarichi", "{\"struttura\":\"" + codice + "\",\"persona\":\"M002\","
                            + "\"tipo\":\"INTERIM\",\"dal\":\"" + anno + "-01-01\",\"atto\":\"Decreto\"}");
                }, ORGANIGRAMMA),
                api("POST", "/api/enti/{ente}/incarichi/{incarico}/termine", c -> json("/api/enti/" + A + "/incarichi/" + A + "-SSEGEN/termine",
                        "{\"al\":\"" + LocalDate.of(anno + 60, 12, 31).minusDays(progressivo.incrementAndGet()) + "\",\"atto\":\"Decreto\"}"), ORGANIGRAMMA),
                api("POST", "/api/enti/{ente}/incarichi/{incarico}/rettifiche", c -> json("/api/enti/" + A + "/incarichi/" + A + "-SSEGEN/rettifiche",
                        "{\"persona\":\"M002\",\"dal\":\"2000-01-0" + (1 + progressivo.incrementAndGet() % 9) + "\",\"al\":null,\"atto\":\"Decreto\","
                                + "\"motivazione\":\"Data errata\"}"), ORGANIGRAMMA),
                api("PUT", "/api/enti/{ente}/accessi/{utente}", c -> json("/api/enti/" + A + "/accessi/ospite" + progressivo.incrementAndGet(),
                        "{\"ruolo\":\"NUCLEO\"}"), ORGANIGRAMMA),
                api("DELETE", "/api/enti/{ente}/accessi/{utente}", c -> {
                    String ospite = "ospite" + progressivo.incrementAndGet();
                    accessi.concedi(ospite, new Accesso(A, Ruolo.NUCLEO, null), "test");
                    return new Chiamata("/api/enti/" + A + "/accessi/" + ospite, null);
                }, ORGANIGRAMMA),
                // ---- API: the installation ----
                api("GET", "/api/admin/processori", c -> get("/api/admin/processori"), installazione(Ruolo.AMMINISTRATORE)),
                api("GET", "/api/admin/processori/{nome}", c -> get("/api/admin/processori/storico"), installazione(Ruolo.AMMINISTRATORE)),
                api("POST", "/api/admin/processori/{nome}/stop", c -> json("/api/admin/processori/storico/stop", "{}"), installazione(Ruolo.AMMINISTRATORE)),
                api("POST", "/api/admin/processori/{nome}/start", c -> json("/api/admin/processori/storico/start", "{}"), installazione(Ruolo.AMMINISTRATORE)),
                api("GET", "/api/admin/proiezioni", c -> get("/api/admin/proiezioni"), installazione(Ruolo.AMMINISTRATORE)),
                api("GET", "/api/admin/eventi-parcheggiati", c -> get("/api/admin/eventi-parcheggiati"), installazione(Ruolo.AMMINISTRATORE)),
                api("POST", "/api/admin/eventi-parcheggiati/{proiezione}/tentativi", c -> json("/api/admin/eventi-parcheggiati/scheda/tentativi", "{}"),
                        installazione(Ruolo.AMMINISTRATORE)),
                api("GET", "/actuator/prometheus", c -> get("/actuator/prometheus"), installazione(Ruolo.OPS)),
                // ---- pages ----
                pagina("GET", "/", c -> get("/"), AUTENTICATO),
                pagina("GET", "/accesso", c -> get("/accesso"), PUBBLICO),
                pagina("GET", "/peg", c -> get("/peg?" + peg), LETTURA),
                pagina("GET", "/obiettivi/{id}", c -> get("/obiettivi/" + id), LETTURA),
                pagina("GET", "/obiettivi/{id}/storico", c -> get("/obiettivi/" + id + "/storico"), LETTURA),
                pagina("GET", "/obiettivi/{id}/confronto", c -> get("/obiettivi/" + id + "/confronto?da=2020-01-01&a=" + oggi), LETTURA),
                pagina("POST", "/obiettivi/{id}/consuntivi", c -> modulo("/obiettivi/" + id + "/consuntivi", Map.of("fase", "6",
                        "mese", mese(c.ruolo() == Ruolo.DIRIGENTE ? 1 : 0), "svolta", "on", "percentuale", String.valueOf(10 + progressivo.incrementAndGet() % 80))),
                        AVANZAMENTO),
                pagina("POST", "/obiettivi/{id}/rettifiche", c -> modulo("/obiettivi/" + id + "/rettifiche", Map.of("fase", "6", "mese", mese(0),
                        "svolta", "on", "percentuale", String.valueOf(10 + progressivo.incrementAndGet() % 80), "motivazione", "Errore")), AVANZAMENTO),
                pagina("POST", "/obiettivi/{id}/completamenti", c -> modulo("/obiettivi/" + id + "/completamenti", Map.of("fase",
                        c.ruolo() == Ruolo.DIRIGENTE ? "7" : "8", "data", oggi)), AVANZAMENTO),
                pagina("POST", "/obiettivi/{id}/rimodulazioni", c -> modulo("/obiettivi/" + id + "/rimodulazioni", Map.of("fase", "3",
                        "inizio", anno + "-01-01", "fine", anno + "-10-" + (10 + progressivo.incrementAndGet() % 15), "motivazione", "Ritardo")), AVANZAMENTO),
                pagina("POST", "/obiettivi/{id}/valori", c -> modulo("/obiettivi/" + id + "/valori", Map.of("indicatore", "GG",
                        "valore", String.valueOf(progressivo.incrementAndGet()), "dataRiferimento", oggi)), AVANZAMENTO),
                pagina("GET", "/stampa", c -> get("/stampa?" + peg), LETTURA),
                pagina("GET", "/stampa/peg", c -> get("/stampa/peg?" + peg), LETTURA),
                pagina("GET", "/stampa/peg/pdf", c -> get("/stampa/peg/pdf?" + peg + "&settore=SSEGEN"), LETTURA),
                pagina("GET", "/stampa/obiettivi/{id}", c -> get("/stampa/obiettivi/" + id), LETTURA),
                pagina("GET", "/stampa/obiettivi/{id}/pdf", c -> get("/stampa/obiettivi/" + id + "/pdf"), LETTURA),
                pagina("GET", "/controllo", c -> get("/controllo"), inUnEnte(Ruolo.CONTROLLO_GESTIONE)),
                pagina("POST", "/controllo/importazioni", c -> new Chiamata("/controllo/importazioni", new File(Map.of("ente", A,
                        "anno", String.valueOf(anno)), stampa)), PIANO),
                pagina("POST", "/controllo/importazioni/csv", c -> new Chiamata("/controllo/importazioni/csv", new File(Map.of("ente", A,
                        "anno", String.valueOf(anno)), csv)), PIANO),
                pagina("GET", "/controllo/obiettivi/nuovo", c -> get("/controllo/obiettivi/nuovo"), inUnEnte(Ruolo.CONTROLLO_GESTIONE)),
                pagina("POST", "/controllo/obiettivi", c -> modulo("/controllo/obiettivi", Map.of("ente", A, "anno", String.valueOf(anno),
                        "titolo", "Dalla pagina " + progressivo.incrementAndGet(), "settoreCodice", "SASTER", "pesoIndicatori", "50", "pesoFasi", "50")),
                        PIANO),
                pagina("GET", "/controllo/obiettivi/{id}", c -> get("/controllo/obiettivi/" + id), PIANO),
                pagina("POST", "/controllo/obiettivi/{id}/modifiche", c -> modulo("/controllo/obiettivi/" + id + "/modifiche", Map.of(
                        "descrizione", "p" + progressivo.incrementAndGet(), "pesoIndicatori", "50", "pesoFasi", "50", "motivazione", "Delibera")), PIANO),
                pagina("POST", "/controllo/obiettivi/{id}/fasi", c -> modulo("/controllo/obiettivi/" + id + "/fasi", Map.of(
                        "numero", String.valueOf(200 + progressivo.incrementAndGet()), "titolo", "Dalla pagina")), PIANO),
                pagina("POST", "/controllo/obiettivi/{id}/indicatori", c -> modulo("/controllo/obiettivi/" + id + "/indicatori", Map.of(
                        "codice", "P" + progressivo.incrementAndGet(), "nome", "N", "valoreAtteso", "1", "direzione", "CRESCENTE", "peso", "1")), PIANO),
                pagina("POST", "/controllo/obiettivi/{id}/persone", c -> modulo("/controllo/obiettivi/" + id + "/persone", Map.of(
                        "nome", "PAGINA " + progressivo.incrementAndGet(), "inizio", anno + "-01-01", "fine", anno + "-12-31")), PIANO),
                pagina("POST", "/controllo/obiettivi/{id}/persone/termine", c -> modulo("/controllo/obiettivi/" + id + "/persone/termine", Map.of(
                        "nome", "ROSSI MARIO", "fine", anno + "-11-" + (10 + progressivo.incrementAndGet() % 15))), PIANO),
                pagina("GET", "/valutazione", c -> get("/valutazione?" + peg), ente(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE)),
                pagina("POST", "/valutazione/monitoraggi", c -> modulo("/valutazione/monitoraggi?" + peg, Map.of("data", oggi)), ente(Ruolo.NUCLEO)),
                // every reader of the ente sees how an objective is scored, as the API's /api/valutazione/smvp/obiettivi/{id}
                pagina("GET", "/valutazione/obiettivi/{id}", c -> get("/valutazione/obiettivi/" + id), LETTURA),
                pagina("GET", "/valutazione/relazione/allegato", c -> get("/valutazione/relazione/allegato?" + peg), LETTURA),
                pagina("POST", "/valutazione/obiettivi/{id}/finale", c -> modulo("/valutazione/obiettivi/" + secondo + "/finale", Map.of("al", ieri,
                        "motivazione", "Raggiunto")), ente(Ruolo.NUCLEO))));
        // the objective leaves its ufficio last but one: the responsabile of that ufficio records progress above
        rotte.add(api("POST", "/api/obiettivi/{id}/spostamenti", c -> json(base + "/spostamenti",
                "{\"settore\":\"SASTER\",\"ufficio\":null,\"motivazione\":\"Riorganizzazione\"}"), PIANO));
        // the rebuilds last: they replay the store
        rotte.add(api("POST", "/api/admin/proiezioni/{nome}/ricostruzione", c -> json("/api/admin/proiezioni/storico/ricostruzione", "{}"),
                installazione(Ruolo.AMMINISTRATORE)));
        rotte.add(api("POST", "/api/admin/proiezioni/ricostruzione", c -> json("/api/admin/proiezioni/ricostruzione", "{}"),
                installazione(Ruolo.AMMINISTRATORE)));

        senzaRigheMancanti(rotte);

        Map<String, SessioneWeb> sessioni = new LinkedHashMap<>();
        COLONNE.forEach(c -> sessioni.put(c.nome(), new SessioneWeb(porta, c.utente())));
        List<String> tabella = new ArrayList<>();
        tabella.add(String.format("%-58s %s", "rotta", String.join(" ", COLONNE.stream().map(c -> String.format("%-11s", c.nome())).toList())));
        int celle = 0;
        for (Rotta rotta : rotte) {
            // who may not goes first: a refusal must leave the state as it was for who may
            List<Colonna> ordine = new ArrayList<>(COLONNE.stream().filter(c -> rotta.atteso().apply(c) != Atteso.SI).toList());
            ordine.addAll(COLONNE.stream().filter(c -> rotta.atteso().apply(c) == Atteso.SI).toList());
            Map<String, String> esiti = new LinkedHashMap<>();
            for (Colonna colonna : ordine) {
                Atteso atteso = rotta.atteso().apply(colonna);
                // built first: a call may need a thing of its own made a moment before (a settore to close)
                Chiamata chiamata = rotta.chiamata().apply(colonna);
                long eventiPrima = eventi();
                Esito esito = chiama(http, sessioni.get(colonna.nome()), rotta, colonna, chiamata);
                String contesto = rotta.chiave() + " come " + colonna.nome() + ": " + esito;
                assertThat(ottenuto(rotta, esito)).as(contesto).isEqualTo(atteso);
                if (atteso != Atteso.SI) {
                    assertThat(eventi()).as("un rifiuto non aggiunge eventi: " + contesto).isEqualTo(eventiPrima);
                    if (!rotta.pagina() && atteso != Atteso.NON_AUTENTICATO && !rotta.modello().startsWith("/actuator")) {
                        assertThat(esito.tipo()).as(contesto).startsWith("application/problem+json");
                    }
                }
                esiti.put(colonna.nome(), atteso.sigla + "(" + esito.stato() + ")");
                celle++;
            }
            tabella.add(String.format("%-58s %s", rotta.chiave(), String.join(" ",
                    COLONNE.stream().map(c -> String.format("%-11s", esiti.get(c.nome()))).toList())));
        }
        System.out.println("Matrice degli accessi: " + rotte.size() + " rotte × " + COLONNE.size() + " colonne = " + celle
                + " celle\n" + String.join("\n", tabella));
        assertThat(celle).isEqualTo(rotte.size() * COLONNE.size());
    }

    @Test
    void repeatedLoginFailuresAreThrottled() {
        ClienteHttp http = new ClienteHttp(porta);
        enti.prepara(A);
        String sbagliata = "Basic " + java.util.Base64.getEncoder().encodeToString("intruso:tentativo".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            assertThat(http.get(null, "/api/audit/verifica", Map.of("Authorization", sbagliata)).stato()).isEqualTo(401);
        }
        Risposta bloccato = http.get(null, "/api/audit/verifica", Map.of("Authorization", sbagliata));
        assertThat(bloccato.stato()).isEqualTo(429);
        assertThat(Integer.parseInt(bloccato.intestazione("Retry-After"))).isPositive();
        assertThat(bloccato.intestazione("Content-Type")).startsWith("application/problem+json");
        // the others are not affected
        assertThat(http.get("nucleo", "/api/audit/verifica?ente=" + A).stato()).isEqualTo(200);
    }

    // ---- the list of routes, from the application itself ----

    /**
     * Every (method, pattern) the application maps (its controllers; springdoc's and the error
     * controller's excluded, and actuator's, which is covered by its own row) has exactly one row,
     * and no row names a route that does not exist.
     */
    private void senzaRigheMancanti(List<Rotta> rotte) {
        Set<String> mappate = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> voce : rotteApplicazione.getHandlerMethods().entrySet()) {
            String pacchetto = voce.getValue().getBeanType().getPackageName();
            if (!pacchetto.startsWith("it.comuni.peg")) {
                continue;
            }
            Set<String> metodi = new TreeSet<>();
            voce.getKey().getMethodsCondition().getMethods().forEach(m -> metodi.add(m.name()));
            assertThat(metodi).as("ogni rotta dichiara il suo metodo HTTP: " + voce.getKey()).isNotEmpty();
            for (String modello : voce.getKey().getPatternValues()) {
                metodi.forEach(m -> mappate.add(m + " " + modello));
            }
        }
        Set<String> righe = new TreeSet<>();
        for (Rotta r : rotte) {
            assertThat(righe.add(r.chiave())).as("una sola riga per " + r.chiave()).isTrue();
        }
        righe.remove("GET /actuator/prometheus");
        Set<String> senzaRiga = new TreeSet<>(mappate);
        senzaRiga.removeAll(righe);
        Set<String> senzaRotta = new TreeSet<>(righe);
        senzaRotta.removeAll(mappate);
        assertThat(senzaRiga).as("rotte dell'applicazione senza una riga nella matrice").isEmpty();
        assertThat(senzaRotta).as("righe della matrice senza una rotta nell'applicazione").isEmpty();
    }

    // ---- calling ----

    /** A multipart form: its fields and the file in the part "file". */
    record File(Map<String, String> campi, byte[] contenuto) {
    }

    record Esito(int stato, String posizione, String tipo, String corpo) {
        @Override
        public String toString() {
            // a page: its text (what a reader sees: the refusal's message), not its markup
            String testo = corpo == null ? "" : tipo == null
                    ? org.jsoup.Jsoup.parse(corpo).select(".alert, .invalid-feedback, [role=alert], h1").text() : corpo;
            return stato + (posizione == null ? "" : " → " + posizione) + " " + testo.substring(0, Math.min(600, testo.length()));
        }
    }

    private Esito chiama(ClienteHttp http, SessioneWeb sessione, Rotta rotta, Colonna colonna, Chiamata chiamata) {
        if (rotta.pagina()) {
            SessioneWeb.Pagina p;
            if (rotta.metodo().equals("GET")) {
                p = sessione.leggi(chiamata.percorso());
            } else if (chiamata.corpo() instanceof File f) {
                p = sessione.postaFile(chiamata.percorso(), f.campi(), "peg.txt", f.contenuto());
            } else {
                @SuppressWarnings("unchecked")
                Map<String, String> campi = (Map<String, String>) chiamata.corpo();
                p = sessione.posta(chiamata.percorso(), campi);
            }
            return new Esito(p.stato(), p.posizione(), null, p.corpo());
        }
        Risposta r;
        if (chiamata.corpo() instanceof byte[] file) {
            r = http.postFile(colonna.utente(), chiamata.percorso(), "peg.txt", "text/plain", file, Map.of());
        } else {
            r = http.invia(colonna.utente(), rotta.metodo(), chiamata.percorso(), (String) chiamata.corpo());
        }
        return new Esito(r.stato(), r.intestazione("Location"), r.intestazione("Content-Type"), r.corpo());
    }

    private static Atteso ottenuto(Rotta rotta, Esito esito) {
        if (rotta.pagina() && esito.stato() == 302 && esito.posizione() != null && esito.posizione().contains("/accesso")
                && !rotta.modello().equals("/accesso")) {
            return Atteso.NON_AUTENTICATO;
        }
        return switch (esito.stato()) {
            case 401 -> Atteso.NON_AUTENTICATO;
            case 403 -> Atteso.VIETATO;
            case 404 -> Atteso.NON_TROVATO;
            default -> esito.stato() >= 200 && esito.stato() < 400 ? Atteso.SI : null;
        };
    }

    private static Rotta api(String metodo, String modello, Function<Colonna, Chiamata> chiamata, Function<Colonna, Atteso> atteso) {
        return new Rotta(metodo, modello, false, chiamata, atteso);
    }

    private static Rotta pagina(String metodo, String modello, Function<Colonna, Chiamata> chiamata, Function<Colonna, Atteso> atteso) {
        return new Rotta(metodo, modello, true, chiamata, atteso);
    }

    /** An audit route: the administrator asks for the whole installation (no ente), the others for ente A. */
    private static String audit(Colonna c, String percorso) {
        return c.ruolo() == Ruolo.AMMINISTRATORE ? percorso : percorso + "?ente=" + A;
    }

    private static Chiamata get(String percorso) {
        return new Chiamata(percorso, null);
    }

    private static Chiamata json(String percorso, String corpo) {
        return new Chiamata(percorso, corpo);
    }

    private static Chiamata modulo(String percorso, Map<String, String> campi) {
        return new Chiamata(percorso, campi);
    }

    // ---- the fixture ----

    /** An objective of the ente with eight phases, a person, an indicator and a consuntivo, projected. */
    private String obiettivo(ClienteHttp http, String ente, int anno) throws InterruptedException {
        String cdg = ente.equals(B) ? "altro.controllo" : "controllo";
        Risposta definito = http.post(cdg, "/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(anno).replace("c_prova", ente));
        assertThat(definito.stato()).as(definito.toString()).isEqualTo(201);
        String id = definito.json().get("id").asText();
        for (int fase = 1; fase <= 8; fase++) {
            assertThat(http.post(cdg, "/api/obiettivi/" + id + "/fasi", "{\"numero\":" + fase + ",\"titolo\":\"Fase " + fase
                    + "\",\"inizio\":\"" + anno + "-01-01\",\"fine\":\"" + anno + "-12-31\"}").stato()).isEqualTo(200);
        }
        assertThat(http.post(cdg, "/api/obiettivi/" + id + "/persone", "{\"nome\":\"ROSSI MARIO\",\"inizio\":\"" + anno
                + "-01-01\",\"fine\":\"" + anno + "-12-31\"}").stato()).isEqualTo(200);
        assertThat(http.post(cdg, "/api/obiettivi/" + id + "/indicatori", "{\"codice\":\"GG\",\"nome\":\"Giorni\",\"valoreAtteso\":30,"
                + "\"direzione\":\"DECRESCENTE\",\"peso\":50}").stato()).isEqualTo(200);
        String dirigente = ente.equals(B) ? "altro.dirigente" : "dirigente";
        Risposta consuntivo = http.post(dirigente, "/api/obiettivi/" + id + "/fasi/2/consuntivi", "{\"mese\":\"" + mese(0)
                + "\",\"svolta\":true,\"percentuale\":10}");
        assertThat(consuntivo.stato()).as(consuntivo.toString()).isEqualTo(200);
        long eventiObiettivo = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        String lettore = ente.equals(B) ? "altro.nucleo" : "nucleo";
        assertThat(Attesa.entro(Duration.ofSeconds(60), () -> {
            Risposta scheda = http.get(lettore, "/api/obiettivi/" + id);
            return scheda.stato() == 200 && scheda.json().get("versione").asLong() + 1 == eventiObiettivo
                    && http.get(lettore, "/api/obiettivi/" + id + "/storico").stato() == 200;
        })).as("le proiezioni raggiungano l'obiettivo " + id).isTrue();
        return id;
    }

    /** The real print cut before its second objective: its index and its first objective. */
    private static byte[] primoObiettivoDellaStampa() throws java.io.IOException {
        List<String> righe = Files.readAllLines(Path.of("..", "docs", "peg", "capannori-2023-obiettivi-peg-straordinari.txt"),
                StandardCharsets.UTF_8);
        int secondo = -1;
        for (int i = 0, trovati = 0; i < righe.size() && secondo < 0; i++) {
            if (righe.get(i).replace("<b>", "").startsWith("Obiettivo PEG") && ++trovati == 2) {
                secondo = i;
            }
        }
        return String.join("\n", righe.subList(0, secondo)).getBytes(StandardCharsets.UTF_8);
    }

    private long eventi() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private static String mese(int indietro) {
        return YearMonth.now(ZoneId.of("Europe/Rome")).minusMonths(indietro).toString();
    }
}
