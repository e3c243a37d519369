package it.comuni.peg.web.sicurezza;

import it.comuni.peg.platform.sicurezza.Rivendicazioni;
import it.comuni.peg.platform.sicurezza.UtentiProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.time.Duration;
import java.util.List;

/**
 * The pages' own filter chain, ahead of the API's: a person signs in once and keeps a session, so every
 * state-changing request must carry a CSRF token (Thymeleaf puts it in each form; htmx sends it as a
 * header from the page's meta tag). Two ways in, each present when configured: the ente's identity
 * provider (OpenID Connect, {@code spring.security.oauth2.client.registration.*}: {@link AccessoOidc}) and
 * the installation's password users ({@code peg.sicurezza.utenti}, and the demo users on the embedded
 * default); with the provider alone, a person goes straight to it. Sessions end when idle or at most
 * after a working day ({@link Sessioni}). Same identities as the API ({@code RisolutoreIdentita}), same
 * accessi per ente; the pages of the controllo di gestione
 * and of the nucleo check the role in the ente they show ({@code Perimetro}), and who may act on
 * which objective is decided by the aggregate, as for the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SicurezzaWebConfig {

    /** The paths of the pages; everything else (the API, actuator, swagger) stays with platform's chain. */
    public static final String[] PAGINE = {"/", "/accesso", "/esci", "/oauth2/authorization/**", "/login/oauth2/code/**",
            "/peg", "/peg/**", "/obiettivi/**", "/stampa/**", "/controllo", "/controllo/**", "/valutazione", "/valutazione/**", "/webjars/**", "/css/**", "/js/**",
            "/favicon.ico"};

    /** Where a logout ends (after the provider's own, for a person signed in there). */
    static final String USCITO = "/accesso?uscito";

    /**
     * Bootstrap Italia's CSS, JS, fonts and sprites are served from this origin (webjar): nothing
     * inline, nothing third-party. {@code data:} images: the CSS draws some controls with data URIs.
     * {@code form-action}: this origin, and the identity providers' ({@link AccessoOidc#originiDeiFornitori}),
     * since the logout form's answer redirects to the provider's end-session endpoint and browsers apply
     * {@code form-action} to a form's redirects too (CSP Level 3, "form-action").
     */
    static String csp(List<String> originiFornitori) {
        String moduli = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"),
                originiFornitori.stream()).toList());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + moduli + "; "
                + "frame-ancestors 'none'";
    }

    @Bean
    @Order(1)
    SecurityFilterChain pagine(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> fornitori,
                               UtentiProperties utenti, Rivendicazioni rivendicazioni, Environment environment) throws Exception {
        ClientRegistrationRepository repository = fornitori.getIfAvailable();
        List<ClientRegistration> registrazioni = repository == null ? List.of() : AccessoOidc.registrazioni(repository);
        boolean password = !utenti.attivi(environment).isEmpty();
        Duration durataMassima = environment.getProperty("peg.sicurezza.sessione.durata-massima", Duration.class,
                Duration.ofHours(10));
        http
                .securityMatcher(PAGINE)
                .addFilterBefore(Sessioni.durataMassima(durataMassima), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/accesso").permitAll()
                        // the role is held in an ente, so each page checks it for the ente it shows (PaginePerRuolo,
                        // Perimetro) and each command where it is handled: here only who is signed in
                        .anyRequest().authenticated())
                .logout(logout -> logout
                        .logoutUrl("/esci")
                        .logoutSuccessHandler(repository == null ? null : AccessoOidc.uscita(repository, USCITO))
                        .logoutSuccessUrl(USCITO)
                        .deleteCookies("JSESSIONID")
                        .invalidateHttpSession(true))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(Sessioni.accedi(new LoginUrlAuthenticationEntryPoint(
                                !password && registrazioni.size() == 1
                                        // the ente's provider is the only way in: straight there, no page in between
                                        ? AccessoOidc.AUTORIZZAZIONE + "/" + registrazioni.get(0).getRegistrationId()
                                        : "/accesso")))
                        .accessDeniedHandler(Sessioni.negato()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(csp(AccessoOidc.originiDeiFornitori(registrazioni))))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (password) {
            http.formLogin(form -> form
                    .loginPage("/accesso")
                    .loginProcessingUrl("/accesso")
                    .usernameParameter("utente")
                    .passwordParameter("password")
                    // back to the page that asked for a sign-in (a session ended while working), else the PEG
                    .defaultSuccessUrl("/peg")
                    .failureUrl("/accesso?errore")
                    .permitAll());
        }
        if (!registrazioni.isEmpty()) {
            http.oauth2Login(oidc -> oidc
                    .loginPage("/accesso")
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(AccessoOidc.richiesteConPkce(repository)))
                    .userInfoEndpoint(u -> u.oidcUserService(AccessoOidc.utenti(rivendicazioni)))
                    .defaultSuccessUrl("/peg")
                    .failureHandler(AccessoOidc.fallimento()));
        }
        return http.build();
    }
}
