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
 * {@code UserDetailsService} bean), same roles; who may act on which objective is still decided
 * by the aggregate, as for the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SicurezzaWebConfig {

    /** The paths of the pages; everything else (the API, actuator, swagger) stays with platform's chain. */
    public static final String[] PAGINE = {"/", "/accesso", "/esci", "/peg", "/peg/**", "/obiettivi/**", "/stampa/**",
            "/controllo", "/controllo/**", "/valutazione", "/valutazione/**", "/webjars/**", "/css/**", "/js/**",
            "/favicon.ico"};

    private static final String[] CHI_LEGGE = {Ruolo.CONTROLLO_GESTIONE.name(), Ruolo.DIRIGENTE.name(),
            Ruolo.RESPONSABILE_UFFICIO.name(), Ruolo.NUCLEO.name()};

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
                        .requestMatchers("/controllo", "/controllo/**").hasRole(Ruolo.CONTROLLO_GESTIONE.name())
                        // the nucleo's acts are its own; the controllo di gestione may read them and, as the
                        // aggregate allows, set the method's parameters
                        .requestMatchers(HttpMethod.POST, "/valutazione/metodo")
                        .hasAnyRole(Ruolo.NUCLEO.name(), Ruolo.CONTROLLO_GESTIONE.name())
                        .requestMatchers(HttpMethod.POST, "/valutazione/**").hasRole(Ruolo.NUCLEO.name())
                        .requestMatchers("/valutazione", "/valutazione/**")
                        .hasAnyRole(Ruolo.NUCLEO.name(), Ruolo.CONTROLLO_GESTIONE.name())
                        .anyRequest().hasAnyRole(CHI_LEGGE))
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
