package it.comuni.peg.support;

import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The test OpenID Connect provider (module {@code oidc-prova}, Spring Authorization Server) as a process of its own
 * on 127.0.0.1 and a free port, for the tests of signing in with OpenID Connect and of the API's bearer tokens.
 * Its executable jar is the system property {@value #PROPRIETA_JAR} (set by this module's surefire configuration
 * to {@code oidc-prova/target/oidc-prova-exec.jar}); its output goes to {@code target/oidc-prova-<port>.log}.
 *
 * <p>What it offers (see {@code it.comuni.oidcprova.ProviderOidcDiProva} for the whole): the client {@code peg},
 * secret {@code peg-segreto} ({@code client_secret_basic}), authorization code with PKCE S256 required, scopes
 * {@code openid profile}, no consent page; RP-initiated logout; Spring's login form, where each user's password is
 * its name; users and claims ({@code preferred_username}, {@code name}, {@code matricola}, {@code peg_ruoli}) in
 * {@code oidc-prova-utenti.yml}, on this classpath as {@code it.comuni.oidcprova.UtentiDiProva.carica()}; the
 * provider's session cookie is {@code PROVIDERSESSION}.
 */
public final class ProviderOidc implements AutoCloseable {

    /** The system property naming the provider's executable jar. */
    public static final String PROPRIETA_JAR = "peg.oidc-prova.jar";

    /** The path, on the application, of the redirect URI {@link #perApplicazione(int)} registers. */
    public static final String PERCORSO_RITORNO = "/login/oauth2/code/ente";

    /** The path and query, on the application, of the post-logout redirect URI {@link #perApplicazione(int)} registers. */
    public static final String PERCORSO_DOPO_USCITA = "/accesso?uscito";

    /** How long the provider may take to answer its discovery after the start. */
    static final Duration ATTESA_AVVIO = Duration.ofSeconds(60);

    /**
     * How far in the past {@link #tokenScaduto(String)}'s token expired: beyond the 60 s of clock skew Spring
     * Security's {@code JwtTimestampValidator} allows by default, so a resource server refuses it.
     */
    static final Duration SCADUTO_DA = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessoFiglio processo;
    private final int porta;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ProviderOidc(ProcessoFiglio processo, int porta, Path log) {
        this.processo = processo;
        this.porta = porta;
        this.log = log;
    }

    /**
     * The provider for an application on {@code http://127.0.0.1:<portaApplicazione>}: redirect URI
     * {@value #PERCORSO_RITORNO} (for 127.0.0.1 the provider accepts it on any port, RFC 8252), post-logout
     * redirect URI {@value #PERCORSO_DOPO_USCITA} on that port (matched exactly).
     */
    public static ProviderOidc perApplicazione(int portaApplicazione) {
        String applicazione = "http://127.0.0.1:" + portaApplicazione;
        return avvia(List.of(applicazione + PERCORSO_RITORNO), List.of(applicazione + PERCORSO_DOPO_USCITA), List.of());
    }

    /**
     * Starts the provider with the client's redirect URIs and post-logout redirect URIs (both non-empty, none
     * containing a comma) and further arguments (e.g. {@code --prova.durata-token=PT1M}), and waits until its
     * discovery answers 200.
     *
     * @throws AssertionError when the jar is missing (build the module {@code oidc-prova}), or the provider does
     *                        not answer within {@link #ATTESA_AVVIO} or ends first (the message carries its log's tail)
     */
    public static ProviderOidc avvia(List<String> redirectUri, List<String> postLogoutRedirectUri, List<String> altriArgomenti) {
        Path jar = jar();
        try {
            int porta = ProcessoFiglio.portaLibera();
            Path log = Path.of("target", "oidc-prova-" + porta + ".log");
            List<String> argomenti = new ArrayList<>(List.of("--server.port=" + porta,
                    "--prova.redirect-uri=" + String.join(",", redirectUri),
                    "--prova.post-logout-redirect-uri=" + String.join(",", postLogoutRedirectUri)));
            argomenti.addAll(altriArgomenti);
            ProviderOidc provider = new ProviderOidc(ProcessoFiglio.avviaJar(jar, log, argomenti), porta, log);
            provider.attendiDiscovery();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException("Avvio del provider OIDC di prova non riuscito", e);
        }
    }

    private static Path jar() {
        String percorso = System.getProperty(PROPRIETA_JAR);
        if (percorso == null) {
            throw new AssertionError("Proprietà di sistema " + PROPRIETA_JAR + " assente: la imposta la configurazione di"
                    + " surefire del modulo app (eseguire i test con Maven)");
        }
        Path jar = Path.of(percorso).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("Jar del provider OIDC di prova assente: " + jar + ". Costruire il modulo oidc-prova:"
                    + " ./mvnw -B -pl oidc-prova package -DskipTests");
        }
        return jar;
    }

    private void attendiDiscovery() {
        long limite = System.nanoTime() + ATTESA_AVVIO.toNanos();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < limite) {
            if (!processo.processo().isAlive()) {
                throw new AssertionError("Il provider OIDC di prova è terminato con codice " + processo.processo().exitValue()
                        + " prima di rispondere. Fine del log " + log.toAbsolutePath() + ":\n" + codaDelLog());
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            dormi();
        }
        String coda = codaDelLog();
        close();
        throw new AssertionError("Il provider OIDC di prova non ha risposto a /.well-known/openid-configuration entro "
                + ATTESA_AVVIO.toSeconds() + " s. Fine del log " + log.toAbsolutePath() + ":\n" + coda);
    }

    private static void dormi() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String codaDelLog() {
        try {
            List<String> righe = Files.readAllLines(log);
            return String.join("\n", righe.subList(Math.max(0, righe.size() - 40), righe.size()));
        } catch (IOException e) {
            return "(log non leggibile: " + e.getMessage() + ")";
        }
    }

    /** {@code http://127.0.0.1:<port>}: the {@code iss} of its tokens and the base of its discovery. */
    public String issuer() {
        return "http://127.0.0.1:" + porta;
    }

    public int porta() {
        return porta;
    }

    /** The provider's log file (its whole output). */
    public Path log() {
        return log;
    }

    /**
     * An access token for {@code utente} as a real login would get it (client {@code peg}, the user's claims),
     * valid for the provider's access-token lifetime (5 minutes unless {@code --prova.durata-token}), from the test
     * provider's own endpoint {@code POST /prova/token}.
     *
     * @throws AssertionError when the user is not one of the provider's (404) or the provider does not answer
     */
    public String token(String utente) {
        return token(utente, null);
    }

    /** As {@link #token(String)}, with a token that expired {@link #SCADUTO_DA} ago (signed and otherwise valid). */
    public String tokenScaduto(String utente) {
        return token(utente, SCADUTO_DA.negated());
    }

    /** As {@link #token(String)}, with a token that expires {@code traQuanto} from now (negative: already expired). */
    public String token(String utente, Duration traQuanto) {
        String query = "utente=" + URLEncoder.encode(utente, StandardCharsets.UTF_8)
                + (traQuanto == null ? "" : "&scadenza=" + URLEncoder.encode(traQuanto.toString(), StandardCharsets.UTF_8));
        HttpRequest richiesta = HttpRequest.newBuilder(URI.create(issuer() + "/prova/token?" + query))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> risposta = http.send(richiesta, HttpResponse.BodyHandlers.ofString());
            if (risposta.statusCode() != 200) {
                throw new AssertionError("Token di prova per " + utente + " rifiutato: " + risposta.statusCode() + " " + risposta.body());
            }
            return JSON.readTree(risposta.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException("Provider OIDC di prova non raggiungibile su " + issuer(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrotto chiedendo un token di prova", e);
        }
    }

    /** Stops the provider (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        try {
            processo.close();
        } catch (InterruptedException e) {
            processo.processo().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
