package it.comuni.peg.web;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.ProviderOidc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign in at the ente's identity provider: a real OpenID Connect provider (Spring Authorization
 * Server, module {@code oidc-prova}) started on 127.0.0.1, the application configured with the same
 * settings the README gives for Keycloak, and Chromium going through the whole flow (authorization code
 * with PKCE, the provider's own login form, the callback). A dirigente whose enti, role and matricola
 * come from the provider's claims signs in, records a consuntivo on his settore's objective, finds in the
 * storico how he signed in, is refused the other ente's objective and PEG, and signs out, which ends the
 * provider's session too; a session that ends while he fills a form gives it back after signing in again.
 * A person the provider gives no role sees whom to ask; a forged callback and an ID token without the
 * user's claim end on the sign-in page with the reason in Italian; the API takes the provider's access
 * tokens and refuses an expired one or one without the user's claim, naming it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcAccessoTest {

    static final String ENTE = EntiDiProva.PROVA;
    /** An ente where the dirigente has no role (the provider's claims name only c_prova for him). */
    static final String ALTRO_ENTE = "c_altro";
    static final int PORTA = portaLibera();
    static ProviderOidc provider;
    /** An objective of the settore SASTER, whose responsabile in the standard organigramma is GENTILI LUCA (M001). */
    static final String OBIETTIVO = """
            {"ente":"%s","anno":%d,"titolo":"Diminuzione tempi di verifica delle SCIA",
             "settore":{"codice":"SASTER","nome":"ASSETTO E GESTIONE DEL TERRITORIO","responsabile":"GENTILI LUCA"},
             "pesoIndicatori":50.0,"pesoFasi":50.0}""";

    @DynamicPropertySource
    static void proprieta(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
        provider = ProviderOidc.perApplicazione(PORTA);
        r.add("server.port", () -> PORTA);
        // the README's Keycloak settings, pointed at the test provider
        r.add("spring.security.oauth2.client.registration.ente.client-name", () -> "Ente di prova (fornitore OIDC di prova)");
        r.add("spring.security.oauth2.client.registration.ente.client-id", () -> "peg");
        r.add("spring.security.oauth2.client.registration.ente.client-secret", () -> "peg-segreto");
        r.add("spring.security.oauth2.client.registration.ente.scope", () -> "openid, profile");
        r.add("spring.security.oauth2.client.provider.ente.issuer-uri", provider::issuer);
        r.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", provider::issuer);
        r.add("peg.sicurezza.claim.utente", () -> "preferred_username");
        r.add("peg.sicurezza.claim.persona", () -> "matricola");
        r.add("peg.sicurezza.claim.accessi", () -> "peg_ruoli");
        r.add("peg.sicurezza.referente", () -> "Ufficio controllo di gestione, controllo@ente.example");
    }

    @Autowired
    EntiDiProva enti;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessiUtenti accessi;

    final ClienteHttp http = new ClienteHttp(PORTA);
    final List<String> violazioni = new ArrayList<>();
    ChromeDriver browser;
    String obiettivo;
    String obiettivoAltroEnte;
    /** A past year, whose months are all recordable whatever today is: September, October, November (cumulative 20, 35, 50). */
    final int anno = YearMonth.now().getYear() - 1;
    final YearMonth settembre = YearMonth.of(anno, 9);
    final YearMonth ottobre = YearMonth.of(anno, 10);
    final YearMonth novembre = YearMonth.of(anno, 11);

    @BeforeAll
    void avvia() throws Exception {
        Browser.richiedi();
        enti.prepara(ALTRO_ENTE);
        obiettivo = definisci(ENTE);
        obiettivoAltroEnte = definisci(ALTRO_ENTE);
        browser = Browser.avvia();
    }

    @AfterAll
    void chiudi() {
        if (browser != null) {
            browser.quit();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    @Order(1)
    void aDirigenteSignsInAtTheProviderRecordsAConsuntivoAndSeesHowHeSignedIn() throws Exception {
        vai("/obiettivi/" + obiettivo);
        // not signed in: the sign-in page, offering the ente's provider beside the installation's password users
        attendi(By.id("accesso-fornitori"));
        assertThat(testo(By.id("accesso-fornitori"))).contains("Accedi con Ente di prova (fornitore OIDC di prova)");
        controlla("oidc-01-accesso");
        Browser.clicca(browser, By.cssSelector("#accesso-fornitori a"));
        credenzialiAlFornitore("m.gentili");
        // back on the page that asked for the sign-in, as the provider's claims say: dirigente in c_prova
        attendi(By.id("modulo-consuntivo"));
        assertThat(browser.getCurrentUrl()).contains("/obiettivi/" + obiettivo);
        assertThat(testo(By.id("utente-collegato"))).contains("m.gentili").contains("Dirigente");
        long prima = eventi(obiettivo);
        imposta("consuntivo-mese", settembre.toString());
        imposta("consuntivo-percentuale", "20");
        browser.findElement(By.id("consuntivo-note")).sendKeys("Istruttorie avviate");
        Browser.clicca(browser, By.id("invia-consuntivo"));
        attendi(By.cssSelector("[data-esito]"));
        controlla("oidc-02-consuntivo");
        assertThat(eventi(obiettivo)).isEqualTo(prima + 1);

        JsonNode metadati = metadatiUltimo(obiettivo);
        assertThat(metadati.get("utente").asText()).isEqualTo("m.gentili");
        assertThat(metadati.get("ente").asText()).isEqualTo(ENTE);
        assertThat(metadati.get("ruolo").asText()).isEqualTo("DIRIGENTE");
        assertThat(metadati.get("persona").asText()).isEqualTo("M001");
        assertThat(metadati.get("autenticazione").asText()).isEqualTo("OPENID_CONNECT");
        assertThat(metadati.get("emittente").asText()).isEqualTo(provider.issuer());
        Instant autenticato = Instant.parse(metadati.get("autenticatoIl").asText());
        assertThat(autenticato).isBetween(Instant.now().minus(Duration.ofMinutes(10)), Instant.now());

        // the storico of the objective says how its author signed in
        vai("/obiettivi/" + obiettivo + "/storico");
        attendi(By.id("storico"));
        assertThat(testo(By.id("storico"))).contains("OpenID Connect").contains(provider.issuer());
        controlla("oidc-03-storico");
    }

    @Test
    @Order(2)
    void theOtherEntesObjectiveAndPegAreNotHisToSee() throws Exception {
        vai("/obiettivi/" + obiettivoAltroEnte);
        assertThat(browser.getPageSource()).doesNotContain("Diminuzione tempi di verifica delle SCIA");
        assertThat(browser.findElements(By.id("modulo-consuntivo"))).isEmpty();
        assertThat(testo(By.tagName("main"))).containsIgnoringCase("non trovat");
        vai("/peg?ente=" + ALTRO_ENTE + "&anno=" + anno);
        assertThat(browser.findElements(By.cssSelector("#elenco-peg a, .obiettivo-mio a"))).isEmpty();
        assertThat(testo(By.tagName("main"))).containsIgnoringCase("non trovat");
        // the same over the API, with the provider's access token
        Risposta altro = http.get(null, "/api/obiettivi/" + obiettivoAltroEnte, bearer(provider.token("m.gentili")));
        assertThat(altro.stato()).as(altro.toString()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aFormFilledWhenTheSessionEndsIsGivenBackAfterSigningInAgain() throws Exception {
        vai("/obiettivi/" + obiettivo);
        attendi(By.id("modulo-consuntivo"));
        imposta("consuntivo-mese", ottobre.toString());
        imposta("consuntivo-percentuale", "35");
        browser.findElement(By.id("consuntivo-note")).clear();
        browser.findElement(By.id("consuntivo-note")).sendKeys("Scritto prima della scadenza");
        long prima = eventi(obiettivo);
        // the session ends on the server (as after the idle timeout): the browser's cookie names a session no more
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", "SESSIONEFINITA", "/"));
        Browser.clicca(browser, By.id("invia-consuntivo"));
        // htmx reloads the page, which passes by the sign-in page; the provider's session still lives: no question
        attendi(By.id("accesso-fornitori"));
        Browser.clicca(browser, By.cssSelector("#accesso-fornitori a"));
        attendi(By.cssSelector("[data-bozza-ripristinata]"));
        controlla("oidc-04-bozza-ripristinata");
        assertThat(browser.getCurrentUrl()).contains("/obiettivi/" + obiettivo);
        assertThat(browser.findElement(By.id("consuntivo-note")).getAttribute("value")).isEqualTo("Scritto prima della scadenza");
        assertThat(browser.findElement(By.id("consuntivo-percentuale")).getAttribute("value")).isEqualTo("35");
        assertThat(eventi(obiettivo)).as("nothing recorded by the expired request").isEqualTo(prima);
        Browser.clicca(browser, By.id("invia-consuntivo"));
        attendi(By.cssSelector("[data-esito]"));
        assertThat(eventi(obiettivo)).isEqualTo(prima + 1);
    }

    @Test
    @Order(4)
    void signingOutEndsTheProvidersSessionToo() throws Exception {
        vai("/peg?ente=" + ENTE);
        attendi(By.id("esci"));
        Browser.clicca(browser, By.id("esci"));
        attendi(By.id("accesso-uscito"));
        assertThat(browser.getCurrentUrl()).contains("/accesso?uscito");
        controlla("oidc-05-uscito");
        // signing in again: the provider asks for the credentials, its session having ended with ours
        Browser.clicca(browser, By.cssSelector("#accesso-fornitori a"));
        attendi(By.name("username"));
        assertThat(browser.getCurrentUrl()).startsWith(provider.issuer());
    }

    @Test
    @Order(5)
    void aForgedCallbackEndsOnTheSignInPageWithTheReasonAndRecordsNothing() throws Exception {
        long prima = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        vai("/login/oauth2/code/ente?code=inventato&state=falsificato");
        attendi(By.id("accesso-errore"));
        assertThat(browser.getCurrentUrl()).contains("/accesso?errore=stato");
        assertThat(testo(By.id("accesso-errore"))).contains("parametro state non valido").contains("Non è stato registrato nulla");
        controlla("oidc-06-stato-non-valido");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(prima);
    }

    @Test
    @Order(6)
    void aPersonWithNoRoleHereIsToldWhomToAsk() throws Exception {
        accediComeAltro("s.nessuno");
        attendi(By.id("senza-ruoli"));
        assertThat(testo(By.id("senza-ruoli"))).contains("s.nessuno").contains(provider.issuer())
                .contains("controllo di gestione del tuo ente").contains("controllo@ente.example");
        controlla("oidc-07-senza-ruoli");
    }

    @Test
    @Order(7)
    void anIdTokenWithoutTheUsersClaimIsRefusedNamingIt() throws Exception {
        accediComeAltro("x.senzanome");
        attendi(By.id("accesso-errore"));
        assertThat(browser.getCurrentUrl()).contains("errore=claim");
        assertThat(testo(By.id("accesso-errore"))).contains("«preferred_username»");
        assertThat(browser.findElements(By.id("utente-collegato"))).isEmpty();
        controlla("oidc-08-claim-mancante");
    }

    @Test
    @Order(8)
    void theApiTakesTheProvidersTokensAndRefusesTheBadOnesSayingWhy() throws Exception {
        String percorso = "/api/obiettivi/" + obiettivo + "/fasi/1/consuntivi";
        String consuntivo = "{\"mese\":\"" + novembre + "\",\"svolta\":true,\"percentuale\":50}";
        Risposta accettato = http.post(null, percorso, consuntivo, bearer(provider.token("m.gentili")));
        assertThat(accettato.stato()).as(accettato.toString()).isEqualTo(200);
        JsonNode metadati = metadatiUltimo(obiettivo);
        assertThat(metadati.get("autenticazione").asText()).isEqualTo("TOKEN");
        assertThat(metadati.get("emittente").asText()).isEqualTo(provider.issuer());
        assertThat(metadati.get("persona").asText()).isEqualTo("M001");

        long prima = eventi(obiettivo);
        Risposta senzaNome = http.post(null, percorso, consuntivo, bearer(provider.token("x.senzanome")));
        assertThat(senzaNome.stato()).isEqualTo(401);
        assertThat(senzaNome.intestazione("Content-Type")).startsWith("application/problem+json");
        assertThat(senzaNome.json().get("detail").asText()).contains("manca il claim «preferred_username»");
        Risposta scaduto = http.post(null, percorso, consuntivo, bearer(provider.tokenScaduto("m.gentili")));
        assertThat(scaduto.stato()).isEqualTo(401);
        assertThat(scaduto.json().get("detail").asText()).contains("scaduto");
        assertThat(http.post(null, percorso, consuntivo, bearer(provider.token("n.valuta"))).stato())
                .as("the nucleo records no consuntivo").isEqualTo(403);
        assertThat(eventi(obiettivo)).as("nothing recorded by the refused tokens").isEqualTo(prima);

        // a provider that cannot emit roles: the mapping kept by the controllo di gestione applies
        assertThat(http.get(null, "/api/obiettivi/" + obiettivo, bearer(provider.token("r.senzaruoli"))).stato()).isEqualTo(404);
        accessi.concedi("r.senzaruoli", new Accesso(ENTE, Ruolo.NUCLEO, null), "test");
        Risposta mappato = http.get(null, "/api/obiettivi/" + obiettivo, bearer(provider.token("r.senzaruoli")));
        assertThat(mappato.stato()).as(mappato.toString()).isEqualTo(200);
        assertThat(violazioni).as("axe: violazioni gravi").isEmpty();
    }

    private String definisci(String ente) {
        String corpo = OBIETTIVO.formatted(ente, anno);
        Risposta definito = http.post("controllo", "/api/obiettivi", corpo);
        assertThat(definito.stato()).as(definito.toString()).isEqualTo(201);
        String id = definito.json().get("id").asText();
        Risposta fase = http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Istruttoria\"}");
        assertThat(fase.stato()).as(fase.toString()).isEqualTo(200);
        return id;
    }

    /** Signs in as another of the provider's users: a fresh sign-in at the provider (after signing out there). */
    private void accediComeAltro(String utente) throws IOException {
        browser.manage().deleteAllCookies();
        vai("/accesso");
        attendi(By.id("accesso-fornitori"));
        Browser.clicca(browser, By.cssSelector("#accesso-fornitori a"));
        credenzialiAlFornitore(utente);
    }

    /** The provider's own login form (Spring Security's default page): user name, password = the name. */
    private void credenzialiAlFornitore(String utente) throws IOException {
        attendi(By.name("username"));
        assertThat(browser.getCurrentUrl()).startsWith(provider.issuer());
        browser.findElement(By.name("username")).sendKeys(utente);
        browser.findElement(By.name("password")).sendKeys(utente);
        Browser.clicca(browser, By.cssSelector("button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("127.0.0.1:" + PORTA));
    }

    private long eventi(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
    }

    private JsonNode metadatiUltimo(String id) {
        byte[] metadati = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number DESC LIMIT 1", byte[].class, id);
        return new ObjectMapper().readTree(metadati);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private void vai(String percorso) {
        browser.get("http://127.0.0.1:" + PORTA + percorso);
    }

    private void attendi(By dove) throws IOException {
        Browser.attendi(browser, dove);
    }

    private String testo(By dove) {
        return browser.findElement(dove).getText().strip();
    }

    private void imposta(String id, String valore) {
        Browser.imposta(browser, id, valore);
    }

    private void controlla(String nome) throws Exception {
        Browser.schermata(browser, nome);
        violazioni.addAll(Browser.violazioniGravi(browser).stream().map(v -> nome + ": " + v).toList());
    }

    private static int portaLibera() {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
