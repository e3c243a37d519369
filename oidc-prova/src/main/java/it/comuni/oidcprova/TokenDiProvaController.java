package it.comuni.oidcprova;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * ONLY IN THIS TEST PROVIDER, never in a real one: {@code POST /prova/token?utente=m.gentili[&scadenza=-PT5M]},
 * with no authentication, answers {@code {"access_token": "<JWT>", "token_type": "Bearer", "expires_in": <s>,
 * "scope": "openid profile"}}: an access token for the client {@code peg} as a real login of that user would get
 * from {@code /oauth2/token} (same signing key, issuer, audience, scopes and claims, by the same
 * {@link JwtGenerator} and claims customizer), so that API tests need no browser. {@code scadenza} (ISO-8601,
 * default the client's access-token lifetime) sets {@code exp} to now plus it: a negative one gives a token
 * already expired ({@code iat} and {@code nbf} one lifetime before {@code exp}; {@code expires_in} is then
 * negative). The token is not stored: it is valid for a resource server that verifies the signature, unknown to
 * the provider's introspection. Errors are problem+json: 400 without {@code utente} or with a {@code scadenza}
 * that is not a duration, 404 for a user not in {@link UtentiDiProva}.
 */
@RestController
class TokenDiProvaController {

    /** The endpoint's path. */
    static final String PERCORSO = "/prova/token";

    /** The client the tokens are issued to: the registration in {@code oidc-prova.yml}. */
    static final String CLIENTE = "peg";

    private final UtentiDiProva utenti;
    private final UserDetailsService dettagli;
    private final RegisteredClientRepository clienti;
    private final AuthorizationServerSettings impostazioni;
    private final JwtEncoder codificatore;
    private final OAuth2TokenCustomizer<JwtEncodingContext> attestazioni;

    TokenDiProvaController(UtentiDiProva utenti, UserDetailsService dettagli, RegisteredClientRepository clienti,
                           AuthorizationServerSettings impostazioni, JwtEncoder codificatore,
                           OAuth2TokenCustomizer<JwtEncodingContext> attestazioni) {
        this.utenti = utenti;
        this.dettagli = dettagli;
        this.clienti = clienti;
        this.impostazioni = impostazioni;
        this.codificatore = codificatore;
        this.attestazioni = attestazioni;
    }

    @PostMapping(PERCORSO)
    ResponseEntity<?> token(@RequestParam(required = false) String utente,
                            @RequestParam(required = false) String scadenza) {
        if (utente == null || utente.isBlank()) {
            return problema(HttpStatus.BAD_REQUEST, "Richiesta non valida", "Indicare l'utente (parametro utente)");
        }
        if (utenti.trova(utente).isEmpty()) {
            return problema(HttpStatus.NOT_FOUND, "Utente sconosciuto", "Utente di prova sconosciuto: " + utente);
        }
        RegisteredClient cliente = clienti.findByClientId(CLIENTE);
        Duration durata = cliente.getTokenSettings().getAccessTokenTimeToLive();
        Duration traQuanto;
        try {
            traQuanto = scadenza == null ? durata : Duration.parse(scadenza);
        } catch (DateTimeParseException e) {
            return problema(HttpStatus.BAD_REQUEST, "Richiesta non valida", "Scadenza non valida (una durata ISO-8601, es. PT5M o -PT5M): " + scadenza);
        }
        Instant scade = Instant.now().plus(traQuanto);
        Jwt jwt = generatore(scade.minus(durata)).generate(DefaultOAuth2TokenContext.builder()
                .registeredClient(cliente)
                .principal(accessoConPassword(utente))
                .authorizationServerContext(contesto())
                .authorizedScopes(cliente.getScopes())
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .build());
        return ResponseEntity.ok(Map.of(
                "access_token", jwt.getTokenValue(),
                "token_type", "Bearer",
                "expires_in", traQuanto.toSeconds(),
                "scope", String.join(" ", cliente.getScopes())));
    }

    /** The authorization server's own generator and customizer, on a clock set so that {@code exp} falls where asked. */
    private JwtGenerator generatore(Instant emesso) {
        JwtGenerator generatore = new JwtGenerator(codificatore);
        generatore.setJwtCustomizer(attestazioni);
        generatore.setClock(Clock.fixed(emesso, ZoneOffset.UTC));
        return generatore;
    }

    /** What the login form leaves behind: the user's details, authenticated by the password factor. */
    private UsernamePasswordAuthenticationToken accessoConPassword(String utente) {
        return UsernamePasswordAuthenticationToken.authenticated(dettagli.loadUserByUsername(utente), null,
                List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
    }

    /** Outside the authorization server's endpoints no request carries its context: the configured issuer. */
    private AuthorizationServerContext contesto() {
        return new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return impostazioni.getIssuer();
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return impostazioni;
            }
        };
    }

    private static ResponseEntity<ProblemDetail> problema(HttpStatus stato, String titolo, String dettaglio) {
        ProblemDetail problema = ProblemDetail.forStatusAndDetail(stato, dettaglio);
        problema.setTitle(titolo);
        return ResponseEntity.status(stato).body(problema);
    }
}
