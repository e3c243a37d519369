package it.comuni.oidcprova;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test provider in this JVM on a free port, driven as a browser and a client would drive it, with
 * {@link HttpClient} and a cookie jar: the authorization code flow with PKCE through the login form, the refusals
 * PKCE requires, RP-initiated logout, the discovery, and the tokens of {@code /prova/token}, each verified against
 * the provider's published keys.
 */
class ProviderOidcDiProvaTest {

    private static final String RITORNO = "http://127.0.0.1:9/login/oauth2/code/ente";
    private static final String DOPO_USCITA = "http://127.0.0.1:9/accesso?uscito";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext provider;
    private static String issuer;
    private static JwtDecoder decodificatore;

    @BeforeAll
    static void avvia() throws IOException {
        int porta;
        try (ServerSocket libera = new ServerSocket(0)) {
            porta = libera.getLocalPort();
        }
        provider = ProviderOidcDiProva.avvia("--server.port=" + porta, "--prova.redirect-uri=" + RITORNO,
                "--prova.post-logout-redirect-uri=" + DOPO_USCITA, "--prova.durata-token=PT2M");
        issuer = "http://127.0.0.1:" + porta;
        // the resource server's view: signature by the published keys, issuer, exp and nbf
        decodificatore = NimbusJwtDecoder.withIssuerLocation(issuer).build();
    }

    @AfterAll
    static void ferma() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void ilFlussoConPkceDaIlTokenConLeAttestazioniDellUtente() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        Instant prima = Instant.now().minusSeconds(1);

        String codice = browser.accedi("m.gentili", autorizza(pkce.parametri()));
        JsonNode risposta = browser.scambia(codice, pkce.verificatore);

        Jwt id = decodificatore.decode(risposta.get("id_token").asString());
        assertThat(id.getClaimAsString("preferred_username")).isEqualTo("m.gentili");
        assertThat(id.getClaimAsString("name")).isEqualTo("Luca Gentili");
        assertThat(id.getClaimAsString("matricola")).isEqualTo("M001");
        assertThat(id.getClaimAsStringList("peg_ruoli")).containsExactly("c_prova:DIRIGENTE");
        assertThat(id.getClaimAsString("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(id.getAudience()).containsExactly("peg");
        assertThat(id.getClaimAsString("sid")).isNotBlank();
        assertThat(id.getClaimAsInstant("auth_time")).isBetween(prima.truncatedTo(ChronoUnit.SECONDS), Instant.now());

        Jwt accesso = decodificatore.decode(risposta.get("access_token").asString());
        assertThat(accesso.getSubject()).isEqualTo("m.gentili");
        assertThat(accesso.getClaimAsString("preferred_username")).isEqualTo("m.gentili");
        assertThat(accesso.getClaimAsString("matricola")).isEqualTo("M001");
        assertThat(accesso.getClaimAsStringList("peg_ruoli")).containsExactly("c_prova:DIRIGENTE");
        assertThat(accesso.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
        assertThat(Duration.between(accesso.getIssuedAt(), accesso.getExpiresAt())).isEqualTo(Duration.ofMinutes(2));
        assertThat(risposta.get("refresh_token").asString()).isNotBlank();

        // the provider's own session, under a name of its own beside the application's JSESSIONID
        assertThat(browser.cookie()).extracting(HttpCookie::getName).containsExactly("PROVIDERSESSION");
    }

    @Test
    void senzaCodeChallengeLaRichiestaEURifiutataPrimaDelLogin() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> risposta = browser.get(autorizza(Map.of()));

        assertThat(risposta.statusCode()).isEqualTo(302);
        URI ritorno = URI.create(risposta.headers().firstValue("Location").orElseThrow());
        Map<String, String> parametri = parametri(ritorno);
        assertThat(ritorno.toString()).startsWith(RITORNO + "?");
        assertThat(parametri).containsEntry("error", "invalid_request").doesNotContainKey("code");
        assertThat(parametri.get("error_description")).contains("code_challenge");
    }

    @Test
    void unVerificatoreDiversoNonOttieneIToken() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        String codice = browser.accedi("a.bianchi", autorizza(pkce.parametri()));

        HttpResponse<String> risposta = browser.post(issuer + "/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", codice, "redirect_uri", RITORNO, "code_verifier", new Pkce().verificatore), true);

        assertThat(risposta.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(risposta.body()).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void laDiscoveryAnnunciaIlLogoutEIlCodiceConS256() throws Exception {
        HttpResponse<String> risposta = new Browser().get(issuer + "/.well-known/openid-configuration");

        assertThat(risposta.statusCode()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(risposta.body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(issuer);
        assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(issuer + "/connect/logout");
        assertThat(discovery.get("code_challenge_methods_supported").values()).extracting(JsonNode::asString).containsExactly("S256");
    }

    @Test
    void ilLogoutAvviatoDalClienteChiudeLaSessioneDelProvider() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = new Pkce();
        String idToken = browser.scambia(browser.accedi("n.valuta", autorizza(pkce.parametri())), pkce.verificatore)
                .get("id_token").asString();

        HttpResponse<String> uscita = browser.get(issuer + "/connect/logout?" + modulo(Map.of("id_token_hint", idToken,
                "post_logout_redirect_uri", DOPO_USCITA, "state", "st-uscita")));

        assertThat(uscita.statusCode()).isEqualTo(302);
        assertThat(uscita.headers().firstValue("Location")).hasValue(DOPO_USCITA + "&state=st-uscita");
        // signed out: the next authorization asks for the login again
        HttpResponse<String> dopo = browser.get(autorizza(new Pkce().parametri()));
        assertThat(dopo.statusCode()).isEqualTo(302);
        assertThat(dopo.headers().firstValue("Location")).hasValue(issuer + "/login");
    }

    @Test
    void ilTokenDiProvaHaLeAttestazioniDiUnAccessoVero() throws Exception {
        Jwt gentili = decodificatore.decode(tokenDiProva("m.gentili", null));
        assertThat(gentili.getIssuer().toString()).isEqualTo(issuer);
        assertThat(gentili.getAudience()).containsExactly("peg");
        assertThat(gentili.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
        assertThat(gentili.getClaimAsString("name")).isEqualTo("Luca Gentili");
        assertThat(gentili.getClaimAsString("matricola")).isEqualTo("M001");
        assertThat(gentili.getClaimAsStringList("peg_ruoli")).containsExactly("c_prova:DIRIGENTE");

        Jwt nucleo = decodificatore.decode(tokenDiProva("n.valuta", null));
        assertThat(nucleo.getClaimAsString("preferred_username")).isEqualTo("n.valuta");
        assertThat(nucleo.hasClaim("matricola")).isFalse();
        assertThat(nucleo.getClaimAsStringList("peg_ruoli")).containsExactly("c_prova:NUCLEO", "c_altro:NUCLEO");

        Jwt senzaRuoli = decodificatore.decode(tokenDiProva("r.senzaruoli", null));
        assertThat(senzaRuoli.getClaimAsString("matricola")).isEqualTo("M009");
        assertThat(senzaRuoli.hasClaim("peg_ruoli")).isFalse();

        Jwt nessuno = decodificatore.decode(tokenDiProva("s.nessuno", null));
        assertThat(nessuno.hasClaim("peg_ruoli")).isTrue();
        assertThat(nessuno.getClaimAsStringList("peg_ruoli")).isEmpty();

        Jwt senzaNome = decodificatore.decode(tokenDiProva("x.senzanome", null));
        assertThat(senzaNome.getSubject()).isEqualTo("x.senzanome");
        assertThat(senzaNome.hasClaim("preferred_username")).isFalse();
    }

    @Test
    void ilTokenScadutoEFirmatoMaRifiutato() throws Exception {
        String scaduto = tokenDiProva("c.altro", "-PT5M");

        assertThatThrownBy(() -> decodificatore.decode(scaduto)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        // the same keys, no check of time: the signature holds, only the time is past
        NimbusJwtDecoder senzaTempo = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
        senzaTempo.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        Jwt jwt = senzaTempo.decode(scaduto);
        assertThat(jwt.getExpiresAt()).isBefore(Instant.now().minus(Duration.ofMinutes(4)));
        assertThat(jwt.getClaimAsStringList("peg_ruoli")).containsExactly("c_altro:CONTROLLO_GESTIONE");
    }

    @Test
    void unUtenteSconosciutoEUn404InItaliano() throws Exception {
        HttpResponse<String> risposta = new Browser().post(issuer + "/prova/token", Map.of("utente", "nessuno.qui"), false);

        assertThat(risposta.statusCode()).isEqualTo(404);
        assertThat(risposta.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(risposta.body()).get("detail").asString()).isEqualTo("Utente di prova sconosciuto: nessuno.qui");
    }

    private static String tokenDiProva(String utente, String scadenza) throws Exception {
        Map<String, String> parametri = new LinkedHashMap<>(Map.of("utente", utente));
        if (scadenza != null) {
            parametri.put("scadenza", scadenza);
        }
        HttpResponse<String> risposta = new Browser().post(issuer + "/prova/token", parametri, false);
        assertThat(risposta.statusCode()).as(risposta.body()).isEqualTo(200);
        return JSON.readTree(risposta.body()).get("access_token").asString();
    }

    private static String autorizza(Map<String, String> pkce) {
        Map<String, String> parametri = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", "peg",
                "scope", "openid profile", "redirect_uri", RITORNO, "state", "st-1", "nonce", "n-0S6_WzA2Mj"));
        parametri.putAll(pkce);
        return issuer + "/oauth2/authorize?" + modulo(parametri);
    }

    private static String modulo(Map<String, String> parametri) {
        return parametri.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parametri(URI uri) {
        Map<String, String> parametri = new LinkedHashMap<>();
        for (String coppia : uri.getRawQuery().split("&")) {
            String[] parti = coppia.split("=", 2);
            parametri.put(parti[0], parti.length > 1 ? URLDecoder.decode(parti[1], StandardCharsets.UTF_8) : "");
        }
        return parametri;
    }

    /** A PKCE pair (RFC 7636): a random verifier and its S256 challenge. */
    private static final class Pkce {
        final String verificatore;

        Pkce() {
            byte[] casuali = new byte[32];
            new SecureRandom().nextBytes(casuali);
            verificatore = Base64.getUrlEncoder().withoutPadding().encodeToString(casuali);
        }

        Map<String, String> parametri() throws NoSuchAlgorithmException {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verificatore.getBytes(StandardCharsets.US_ASCII));
            return Map.of("code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(hash),
                    "code_challenge_method", "S256");
        }
    }

    /** What a browser does here: cookies, pages asked as HTML, redirects seen one by one (none followed by itself). */
    private static final class Browser {
        private final CookieManager biscotti = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(biscotti)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String uri) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** A form POST; as the client {@code peg} (HTTP Basic) when {@code comeCliente}. */
        HttpResponse<String> post(String uri, Map<String, String> campi, boolean comeCliente) throws IOException, InterruptedException {
            HttpRequest.Builder richiesta = HttpRequest.newBuilder(URI.create(uri))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(modulo(campi)));
            if (comeCliente) {
                richiesta.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("peg:peg-segreto".getBytes(StandardCharsets.UTF_8)));
            }
            return client.send(richiesta.build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Asks for {@code autorizzazione}, signs in on the login form it is sent to as {@code utente} (password = the
         * name), follows the provider's redirects back to the client and returns the authorization code.
         */
        String accedi(String utente, String autorizzazione) throws IOException, InterruptedException {
            HttpResponse<String> risposta = get(autorizzazione);
            assertThat(risposta.statusCode()).isEqualTo(302);
            assertThat(risposta.headers().firstValue("Location")).hasValue(issuer + "/login");

            HttpResponse<String> pagina = get(issuer + "/login");
            Matcher csrf = CSRF.matcher(pagina.body());
            assertThat(csrf.find()).as("il modulo di accesso porta il token CSRF").isTrue();
            risposta = post(issuer + "/login", Map.of("username", utente, "password", utente, "_csrf", csrf.group(1)), false);
            assertThat(risposta.statusCode()).isEqualTo(302);

            String dove = risposta.headers().firstValue("Location").orElseThrow();
            for (int passi = 0; passi < 5 && dove.startsWith(issuer); passi++) {
                risposta = get(dove);
                assertThat(risposta.statusCode()).as(dove).isEqualTo(302);
                dove = risposta.headers().firstValue("Location").orElseThrow();
            }
            assertThat(dove).startsWith(RITORNO + "?");
            Map<String, String> parametri = parametri(URI.create(dove));
            assertThat(parametri).containsEntry("state", "st-1").containsKey("code");
            return parametri.get("code");
        }

        /** The client's exchange of the code at the token endpoint; the answer's JSON. */
        JsonNode scambia(String codice, String verificatore) throws IOException, InterruptedException {
            HttpResponse<String> risposta = post(issuer + "/oauth2/token", Map.of("grant_type", "authorization_code",
                    "code", codice, "redirect_uri", RITORNO, "code_verifier", verificatore), true);
            assertThat(risposta.statusCode()).as(risposta.body()).isEqualTo(200);
            return JSON.readTree(risposta.body());
        }

        List<HttpCookie> cookie() {
            return biscotti.getCookieStore().getCookies();
        }
    }
}
