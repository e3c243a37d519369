package it.comuni.peg.platform.web;

import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One cap on every request body (multipart uploads excepted: spring.servlet.multipart caps them),
 * checked before authentication and before anything parses the body, answered 413 problem+json.
 * A declared Content-Length over the cap is refused unread; a body without one (chunked) is read
 * up to the cap and refused as soon as it passes it, so no client can make the server buffer more.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class LimiteCorpoFilter extends OncePerRequestFilter {

    private final long massimo;
    private final ObjectMapper objectMapper;

    public LimiteCorpoFilter(@Value("${peg.web.corpo-massimo:2MB}") DataSize massimo, ObjectMapper objectMapper) {
        this.massimo = massimo.toBytes();
        this.objectMapper = objectMapper;
    }

    public long massimo() {
        return massimo;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String tipo = request.getContentType();
        return tipo != null && tipo.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long dichiarata = request.getContentLengthLong();
        if (dichiarata > massimo) {
            rifiuta(response);
            return;
        }
        if (dichiarata >= 0 || !haCorpo(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] corpo = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, massimo + 1));
        if (corpo.length > massimo) {
            rifiuta(response);
            return;
        }
        chain.doFilter(new CorpoInMemoria(request, corpo), response);
    }

    private static boolean haCorpo(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private void rifiuta(HttpServletResponse response) throws IOException {
        // the client may still be sending: close the connection rather than read what is refused
        response.setHeader("Connection", "close");
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        var problema = Problemi.problema(HttpStatus.CONTENT_TOO_LARGE, "richiesta-troppo-grande", "Richiesta troppo grande",
                "Il corpo della richiesta supera il massimo di " + massimo + " byte");
        problema.setProperty("massimoByte", massimo);
        objectMapper.writeValue(response.getOutputStream(), problema);
    }
}
