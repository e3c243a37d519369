package it.comuni.peg.web.sicurezza;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of a page session: the absolute lifetime, and what a request made on an ended session gets
 * (htmx: 401 with HX-Refresh, so the page reloads through the sign-in and peg.js puts the form back;
 * a plain form: the sign-in page saying the session expired; a refusal by role stays a refusal).
 */
class SessioniTest {

    @Test
    void aSessionOlderThanItsLifetimeIsEndedBeforeTheRequestReadsIt() throws Exception {
        MockHttpSession vecchia = new MockHttpSession() {
            @Override
            public long getCreationTime() {
                return System.currentTimeMillis() - Duration.ofHours(11).toMillis();
            }
        };
        MockHttpServletRequest richiesta = new MockHttpServletRequest("GET", "/peg");
        richiesta.setSession(vecchia);
        Sessioni.durataMassima(Duration.ofHours(10)).doFilter(richiesta, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(vecchia.isInvalid()).isTrue();

        MockHttpSession giovane = new MockHttpSession();
        richiesta = new MockHttpServletRequest("GET", "/peg");
        richiesta.setSession(giovane);
        Sessioni.durataMassima(Duration.ofHours(10)).doFilter(richiesta, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(giovane.isInvalid()).isFalse();
    }

    @Test
    void anHtmxRequestWithoutSessionReloadsThePageAPageGoesToSignIn() throws Exception {
        var ingresso = Sessioni.accedi(new LoginUrlAuthenticationEntryPoint("/accesso"));
        MockHttpServletRequest htmx = new MockHttpServletRequest("GET", "/obiettivi/x");
        htmx.addHeader("HX-Request", "true");
        MockHttpServletResponse risposta = new MockHttpServletResponse();
        ingresso.commence(htmx, risposta, new InsufficientAuthenticationException("anonimo"));
        assertThat(risposta.getStatus()).isEqualTo(401);
        assertThat(risposta.getHeader(Sessioni.HX_REFRESH)).isEqualTo("true");

        risposta = new MockHttpServletResponse();
        ingresso.commence(new MockHttpServletRequest("GET", "/obiettivi/x"), risposta, new InsufficientAuthenticationException("anonimo"));
        assertThat(risposta.getStatus()).isEqualTo(302);
        assertThat(risposta.getRedirectedUrl()).endsWith("/accesso");
    }

    @Test
    void aFormSentOnAnEndedSessionIsAnExpiryNotARefusal() throws Exception {
        var negato = Sessioni.negato();
        MockHttpServletRequest htmx = scaduta();
        htmx.addHeader("HX-Request", "true");
        MockHttpServletResponse risposta = new MockHttpServletResponse();
        negato.handle(htmx, risposta, new MissingCsrfTokenException("x"));
        assertThat(risposta.getStatus()).isEqualTo(401);
        assertThat(risposta.getHeader(Sessioni.HX_REFRESH)).isEqualTo("true");

        risposta = new MockHttpServletResponse();
        negato.handle(scaduta(), risposta, new MissingCsrfTokenException("x"));
        assertThat(risposta.getRedirectedUrl()).isEqualTo("/accesso?scaduta");

        // a live session refused by role: the refusal page, 403
        MockHttpServletRequest viva = new MockHttpServletRequest("POST", "/obiettivi/x/consuntivi");
        viva.setSession(new MockHttpSession());
        viva.setRequestedSessionId(viva.getSession().getId());
        viva.setRequestedSessionIdValid(true);
        risposta = new MockHttpServletResponse();
        negato.handle(viva, risposta, new AccessDeniedException("ruolo"));
        assertThat(risposta.getStatus()).isEqualTo(403);
        assertThat(risposta.getForwardedUrl()).isEqualTo("/accesso?negato");
    }

    private static MockHttpServletRequest scaduta() {
        MockHttpServletRequest richiesta = new MockHttpServletRequest("POST", "/obiettivi/x/consuntivi");
        richiesta.setRequestedSessionId("sessione-finita");
        richiesta.setRequestedSessionIdValid(false);
        return richiesta;
    }
}
