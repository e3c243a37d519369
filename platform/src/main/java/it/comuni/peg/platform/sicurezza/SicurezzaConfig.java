package it.comuni.peg.platform.sicurezza;

import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.platform.database.SenzaDatabaseEsterno;
import it.comuni.peg.platform.web.Problemi;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * HTTP Basic against users held in configuration; the API is stateless, so no session and no
 * CSRF token (no cookie ever authenticates a request). Here only the installation's routes by role
 * (actuator: {@code OPS}; {@code /api/admin}: {@code AMMINISTRATORE}); on an ente's routes the role
 * depends on the ente, so each read checks the user's accessi there ({@code Perimetro}) and each
 * command where it is handled.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // a command-line run (e.g. the import) has no HTTP to secure
public class SicurezzaConfig {

    private static final Logger log = LoggerFactory.getLogger(SicurezzaConfig.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, Environment environment,
                            Rivendicazioni rivendicazioni, TentativiDiAccesso tentativi) throws Exception {
        http.addFilterBefore(new BloccoAccessiFilter(tentativi, objectMapper), BasicAuthenticationFilter.class);
        if (jwtConfigurato(environment)) {
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.jwtAuthenticationConverter(new AutenticazioneJwt(rivendicazioni)))
                    .authenticationEntryPoint((request, response, e) -> scrivi(response, objectMapper,
                            Problemi.problema(HttpStatus.UNAUTHORIZED, "non-autenticato", "Autenticazione richiesta",
                                    motivo(e)))));
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Ruolo.OPS.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the installation's own work: its processors and projections, which hold every ente
                        .requestMatchers("/api/admin/**").hasRole(Ruolo.AMMINISTRATORE.name())
                        // every other route is an ente's: who may, in which ente, is decided by the route
                        // itself from the user's accessi (Perimetro), since the role depends on the ente
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"PEG\", charset=\"UTF-8\"");
                    scrivi(response, objectMapper, Problemi.problema(HttpStatus.UNAUTHORIZED, "non-autenticato",
                            "Autenticazione richiesta", "Credenziali mancanti o non valide"));
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        scrivi(response, objectMapper, Problemi.problema(HttpStatus.FORBIDDEN, "non-autorizzato",
                                "Operazione non consentita", "Il ruolo dell'utente non consente questa operazione"))))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .build();
    }

    /**
     * Why a bearer token was refused, in Italian: a claim this system needs (named by
     * {@link Rivendicazioni}), or the token itself (absent, expired, signed by a key or issued by a
     * provider that is not the ente's). Nimbus's and Spring's own English descriptions are not shown.
     */
    private static String motivo(org.springframework.security.core.AuthenticationException e) {
        if (e instanceof AutenticazioneJwt.ClaimRifiutato rifiutato) {
            return rifiutato.getMessage();
        }
        return "Token mancante, scaduto o non valido (firma o emittente diversi da quelli del fornitore d'identità dell'ente)";
    }

    private static boolean jwtConfigurato(Environment environment) {
        return environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location");
    }

    /**
     * Spring Boot's JWT decoder (whatever it was configured from: a public key, an issuer, a key set),
     * wrapped so that a token it accepted is not verified again until it expires ({@link JwtVerificati}):
     * at most {@code peg.sicurezza.jwt.verificati.durata} (5 minutes), {@code .capienza} tokens (10,000);
     * a duration of 0 verifies every request.
     */
    @Bean
    static BeanPostProcessor jwtVerificatiUnaVolta(Environment environment) {
        Duration durata = environment.getProperty("peg.sicurezza.jwt.verificati.durata", Duration.class, Duration.ofMinutes(5));
        long capienza = environment.getProperty("peg.sicurezza.jwt.verificati.capienza", Long.class, 10_000L);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String nome) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof JwtVerificati) && !durata.isZero()
                        ? new JwtVerificati(decoder, durata, capienza, Clock.systemUTC()) : bean;
            }
        };
    }

    /**
     * No observation around Spring Security's filters (a dozen per request), its authentications and its
     * authorizations: no dashboard or alert reads them, and {@code http.server.requests} still times every
     * request. Settings, not the property {@code management.observations.enable.spring.security=false}:
     * the property makes each observation a no-op but still wraps every filter of every request in
     * Spring Security's observing decorator (11–14% of the request thread of the benchmark's floor,
     * measured with JFR); without observations Spring Security does not install the decorator at all.
     */
    @Bean
    static SecurityObservationSettings nessunaOsservazioneDellaSicurezza() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UserDetailsService utenti(UtentiProperties proprieta, Environment environment) {
        List<UtentiProperties.Utente> tutti = proprieta.attivi(environment);
        if (SenzaDatabaseEsterno.vale(environment) && !proprieta.demo().isEmpty()) {
            log.warn("Database incorporato: attivi gli utenti dimostrativi {} (solo per prova)",
                    proprieta.demo().stream().map(UtentiProperties.Utente::nome).toList());
        }
        List<UserDetails> dettagli = tutti.stream()
                .map(u -> User.withUsername(u.nome()).password(u.password())
                        .roles(u.ruolo() == null ? new String[0] : new String[]{u.ruolo().name()}).build())
                .toList();
        InMemoryUserDetailsManager utenti = new InMemoryUserDetailsManager(dettagli);
        // Exposed as a plain UserDetailsService, not as the manager: the manager is also a
        // UserDetailsPasswordService, which makes Spring re-hash every password configured below
        // BCrypt's default cost at its first login, in memory only (nothing is persisted), so that
        // every later request pays cost 10 (~60 ms of CPU) whatever the configuration asked for.
        return utenti::loadUserByUsername;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static void scrivi(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problema) throws IOException {
        response.setStatus(problema.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problema);
    }
}
