package it.comuni.oidcprova;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.Set;

import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The provider's security: Spring Authorization Server's endpoints with OpenID Connect (discovery, JWKS,
 * authorize, token, userinfo, RP-initiated logout at {@code /connect/logout}), Spring's generated login form for
 * everything else, the in-memory users of {@link UtentiDiProva} (password = user name) and their claims in every
 * ID and access token. The client {@code peg} comes from {@code oidc-prova.yml} (Spring Boot's
 * {@code spring.security.oauth2.authorizationserver.client.*}).
 */
@Configuration(proxyBeanMethods = false)
class SicurezzaDiProva {

    /** The authorization server's endpoints: Spring Boot's own chain, which backs off once any chain is declared. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain serverDiAutorizzazione(HttpSecurity http) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(withDefaults());
        });
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated());
        // the userinfo endpoint takes the access token
        http.oauth2ResourceServer(r -> r.jwt(withDefaults()));
        // a browser (asking for HTML) not yet signed in goes to the login form; anything else gets a 401
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), html));
        return http.build();
    }

    /** The login form, and {@link TokenDiProvaController}'s endpoint, open to any caller on the loopback. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain accesso(HttpSecurity http) {
        var tokenDiProva = pathPattern(HttpMethod.POST, TokenDiProvaController.PERCORSO);
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(tokenDiProva, pathPattern("/error")).permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers(tokenDiProva))
                .formLogin(withDefaults())
                .build();
    }

    @Bean
    UtentiDiProva utentiDiProva() {
        return UtentiDiProva.carica();
    }

    @Bean
    UserDetailsService utenti(UtentiDiProva utenti) {
        // a test provider: the password is the user name, stored as such
        return new InMemoryUserDetailsManager(utenti.utenti().stream()
                .map(u -> User.withUsername(u.utente()).password("{noop}" + u.utente()).build())
                .toList());
    }

    /** Each user's claims, in the ID token and in the access token alike. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> attestazioniDegliUtenti(UtentiDiProva utenti) {
        return contesto -> utenti.trova(contesto.getPrincipal().getName())
                .ifPresent(u -> contesto.getClaims().claims(c -> c.putAll(u.attestazioni())));
    }

    /** One encoder for the authorization server (which takes it as a bean) and for {@link TokenDiProvaController}. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> chiavi) {
        return new NimbusJwtEncoder(chiavi);
    }

    /** Ends a session in the authorization server's session registry when it ends (logout, timeout). */
    @Bean
    HttpSessionEventPublisher eventiDiSessione() {
        return new HttpSessionEventPublisher();
    }
}
