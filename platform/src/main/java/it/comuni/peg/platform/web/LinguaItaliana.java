package it.comuni.peg.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Every answer is Italian and says so ({@code Content-Language: it}): the API's JSON, its problems, the
 * exports, as much as the pages. Spring MVC sets the response's locale, which the container sends as
 * Content-Language, only when it renders a view, from the LocaleResolver ({@code spring.web.locale: it},
 * {@code spring.web.locale-resolver: fixed} in application.yml: the pages are Italian whatever the browser
 * asks for); an answer written by a message converter would carry no language at all. Set first, before
 * anything is written, so that no answer goes without it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class LinguaItaliana extends OncePerRequestFilter {

    /** The language of everything the system writes for its users. */
    public static final Locale ITALIANO = Locale.ITALIAN;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setLocale(ITALIANO);
        chain.doFilter(request, response);
    }
}
