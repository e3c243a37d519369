package it.comuni.peg.web.sicurezza;

import it.comuni.peg.platform.sicurezza.Ruolo;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The pages' own filter chain, ahead of the API's: a person logs in once with a form and keeps a
 * session, so every state-changing request must carry a CSRF token (Thymeleaf puts it in each
 * form; htmx sends it as a header from the page's meta tag). Same users as the API (the one
 * {@code UserDetailsService} bean), same accessi per ente; the pages of the controllo di gestione
 * and of the nucleo check the role in the ente they show ({@code Perimetro}), and who may act on
 * which objective is decided by the aggregate, as for the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SicurezzaWebConfig {

    /** The paths of the pages; everything else (the API, actuator, swagger) stays with platform's chain. */
    public static final String[] PAGINE = {"/", "/accesso", "/esci", "/peg", "/peg/**", "/obiettivi/**", "/stampa/**",
            "/controllo", "/controllo/**", "/valutazione", "/valutazione/**", "/webjars/**", "/css/**", "/js/**",
            "/favicon.ico"};

    /**
     * Bootstrap Italia's CSS, JS, fonts and sprites are served from this origin (webjar): nothing
     * inline, nothing third-party. {@code data:} images: the CSS draws some controls with data URIs.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pagine(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PAGINE)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/accesso").permitAll()
                        // the role is held in an ente, so each page checks it for the ente it shows (PaginePerRuolo,
                        // Perimetro) and each command where it is handled: here only who is signed in
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/accesso")
                        .loginProcessingUrl("/accesso")
                        .usernameParameter("utente")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/peg", true)
                        .failureUrl("/accesso?errore")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/esci")
                        .logoutSuccessUrl("/accesso?uscito")
                        .deleteCookies("JSESSIONID")
                        .invalidateHttpSession(true))
                .exceptionHandling(ex -> ex.accessDeniedPage("/accesso?negato"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
