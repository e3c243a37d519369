package it.comuni.peg.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Gives every request an id (the client's X-Request-Id when it is sane, a new one otherwise),
 * echoed in the response, put in the logs and carried by the events the request appends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RichiestaIdFilter extends OncePerRequestFilter {

    public static final String INTESTAZIONE = "X-Request-Id";
    public static final String ATTRIBUTO = RichiestaIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(INTESTAZIONE);
        if (id == null || !id.matches("[A-Za-z0-9._:-]{1,100}")) {
            id = UUID.randomUUID().toString();
        }
        request.setAttribute(ATTRIBUTO, id);
        response.setHeader(INTESTAZIONE, id);
        MDC.put("richiesta", id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("richiesta");
        }
    }
}
