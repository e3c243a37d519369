package it.comuni.oidcprova;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

import java.util.Map;

/**
 * An OpenID Connect provider for the tests only (Spring Authorization Server), listening on 127.0.0.1. Never part
 * of the product: its users sign in with their name as password and {@code POST /prova/token} mints tokens for
 * anyone who asks ({@link TokenDiProvaController}).
 *
 * <p>Arguments ({@code --name=value}, or any other Spring Boot property source):
 * <ul>
 *   <li>{@code server.port} (required, &gt; 0): the port; the issuer is {@code http://127.0.0.1:<port>}, so it
 *       must be known before the start (0, a port the system chooses, is refused);</li>
 *   <li>{@code prova.redirect-uri} (required): the redirect URIs of the client {@code peg}, comma-separated, e.g.
 *       {@code http://127.0.0.1:8123/login/oauth2/code/ente}. For a loopback IP literal such as 127.0.0.1 any port
 *       of the request matches (RFC 8252, 7.3), for any other host only the URI as written;</li>
 *   <li>{@code prova.post-logout-redirect-uri}: where RP-initiated logout may send the browser back,
 *       comma-separated, each matched exactly (port included), e.g. {@code http://127.0.0.1:8123/accesso?uscito};
 *       default none;</li>
 *   <li>{@code prova.durata-token}: the access tokens' lifetime, ISO-8601, default {@code PT5M} (ID tokens: 30
 *       minutes, fixed by Spring Authorization Server; refresh tokens: 60 minutes).</li>
 * </ul>
 *
 * <p>What it serves: discovery at {@code /.well-known/openid-configuration}, keys at {@code /oauth2/jwks}, the
 * authorization code flow at {@code /oauth2/authorize} and {@code /oauth2/token} (client {@code peg}, secret
 * {@code peg-segreto} by {@code client_secret_basic}, scopes {@code openid profile}, PKCE with S256 required, no
 * consent page), {@code /userinfo}, RP-initiated logout at {@code /connect/logout} (the discovery's
 * {@code end_session_endpoint}), Spring's generated login form at {@code /login} (fields {@code username},
 * {@code password}, {@code _csrf}). The provider's session cookie is {@code PROVIDERSESSION}, not
 * {@code JSESSIONID}: the application runs on 127.0.0.1 too, and cookies ignore the port. The users and their
 * claims: {@code oidc-prova-utenti.yml} ({@link UtentiDiProva}). The configuration: {@code oidc-prova.yml}.
 */
@SpringBootApplication
public class ProviderOidcDiProva {

    /** Starts the provider with {@code argomenti}; see the class comment. */
    public static void main(String[] argomenti) {
        avvia(argomenti);
    }

    /**
     * Starts the provider with {@code argomenti} in this JVM and returns its context (closing it stops the
     * provider).
     *
     * @throws IllegalStateException when {@code server.port} is missing or 0, or {@code prova.redirect-uri} missing
     */
    public static ConfigurableApplicationContext avvia(String... argomenti) {
        SpringApplication applicazione = new SpringApplication(ProviderOidcDiProva.class);
        applicazione.setMainApplicationClass(ProviderOidcDiProva.class); // its name in the log, also when started by a test
        // not application.yml: the thin jar is on the application's test classpath (see oidc-prova.yml)
        applicazione.setDefaultProperties(Map.of("spring.config.name", "oidc-prova"));
        applicazione.addListeners((ApplicationEnvironmentPreparedEvent evento) -> {
            Integer porta = evento.getEnvironment().getProperty("server.port", Integer.class);
            if (porta == null || porta <= 0) {
                throw new IllegalStateException("Indicare --server.port con una porta libera: l'issuer la contiene");
            }
            if (!StringUtils.hasText(evento.getEnvironment().getProperty("prova.redirect-uri"))) {
                throw new IllegalStateException("Indicare --prova.redirect-uri: gli indirizzi di ritorno del client peg, separati da virgole");
            }
        });
        return applicazione.run(argomenti);
    }
}
