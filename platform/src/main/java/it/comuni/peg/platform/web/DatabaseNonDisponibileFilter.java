package it.comuni.peg.platform.web;

import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.platform.transazioni.LimiteTransazioni;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The database away (or too slow for a transaction to end in time) while a filter (not a controller) talks to it, e.g. the idempotency filter
 * claiming a key or committing: the controller advice never sees those exceptions, so without this
 * the client would get the container's 500 instead of a 503 it can retry.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class DatabaseNonDisponibileFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNonDisponibileFilter.class);

    private final ObjectMapper objectMapper;
    private final LimiteTransazioni limite;

    public DatabaseNonDisponibileFilter(ObjectMapper objectMapper, LimiteTransazioni limite) {
        this.objectMapper = objectMapper;
        this.limite = limite;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            ProblemDetail problema = Problemi.guastoDelDatabase(e, limite.durataMassima());
            if (problema == null || response.isCommitted()) {
                throw e;
            }
            log.warn("{}: {}", problema.getTitle(), e.toString());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Problemi.RIPROVA_TRA_SECONDI);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            objectMapper.writeValue(response.getOutputStream(), problema);
        }
    }
}
