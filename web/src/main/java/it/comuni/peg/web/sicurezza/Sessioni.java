package it.comuni.peg.web.sicurezza;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * How long a signed-in page session lasts and what a person sees when it has ended. Idle: the servlet
 * session's own timeout ({@code server.servlet.session.timeout}, 30 minutes by default). Absolute:
 * {@code peg.sicurezza.sessione.durata-massima} from the sign-in (10 hours by default, a working day),
 * whatever the activity. A request of a page ({@code hx-*} or plain) made on an ended session never
 * loses what the person typed: htmx is told to reload the page ({@code HX-Refresh}), which passes by the
 * sign-in (at the provider, often without a question while its own session lives) and comes back to the
 * same page, where {@code peg.js} puts back the form's fields it kept in the tab's sessionStorage.
 */
final class Sessioni {

    /** htmx's response header that makes it reload the whole page (htmx 2 documentation, "Response Headers"). */
    static final String HX_REFRESH = "HX-Refresh";

    private Sessioni() {
    }

    /**
     * Ends a session older than {@code durataMassima} before anything reads it: the request goes on as
     * anonymous (sign-in for a page; for a form, see {@link #negato}). Real time, as the servlet container
     * dates the session: never the application's {@code Clock}, which tests and the demo move.
     */
    static OncePerRequestFilter durataMassima(Duration durataMassima) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession sessione = request.getSession(false);
                if (sessione != null && System.currentTimeMillis() - sessione.getCreationTime() > durataMassima.toMillis()) {
                    sessione.invalidate();
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * Anonymous on a page: an htmx request gets 401 with {@code HX-Refresh} (a sign-in page swapped into
     * the middle of a page helps nobody), a page goes to sign in.
     */
    static AuthenticationEntryPoint accedi(AuthenticationEntryPoint pagina) {
        return (request, response, eccezione) -> {
            if (htmx(request)) {
                aggiorna(response);
            } else {
                pagina.commence(request, response, eccezione);
            }
        };
    }

    /**
     * A form sent on a session that has ended (so its CSRF token is in no session any more) is no
     * forbidden act but an expired one: htmx reloads (through the sign-in), a plain post goes to the sign-in
     * page saying so. Any other refusal: the sign-in page saying the role does not allow it (403).
     */
    static AccessDeniedHandler negato() {
        AccessDeniedHandlerImpl ruolo = new AccessDeniedHandlerImpl();
        ruolo.setErrorPage("/accesso?negato");
        return (request, response, eccezione) -> {
            if (sessioneFinita(request, eccezione)) {
                if (htmx(request)) {
                    aggiorna(response);
                } else {
                    response.sendRedirect(request.getContextPath() + "/accesso?scaduta");
                }
                return;
            }
            ruolo.handle(request, response, eccezione);
        };
    }

    private static boolean sessioneFinita(HttpServletRequest request, AccessDeniedException eccezione) {
        return eccezione instanceof CsrfException && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    private static boolean htmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    private static void aggiorna(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HX_REFRESH, "true");
    }
}
