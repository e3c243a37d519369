package it.comuni.peg.platform.sicurezza;

import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.platform.web.Problemi;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** Refuses, before any password is checked, the Basic credentials of an account under throttling. */
public class BloccoAccessiFilter extends OncePerRequestFilter {

    private final TentativiDiAccesso tentativi;
    private final ObjectMapper objectMapper;

    public BloccoAccessiFilter(TentativiDiAccesso tentativi, ObjectMapper objectMapper) {
        this.tentativi = tentativi;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> blocco = utenteBasic(request).flatMap(tentativi::bloccato);
        if (blocco.isPresent()) {
            long secondi = Math.max(1, blocco.get().toSeconds());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(secondi));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), Problemi.problema(HttpStatus.TOO_MANY_REQUESTS,
                    "troppi-tentativi", "Troppi tentativi di accesso",
                    "Troppi accessi falliti per questo utente: riprovare tra " + secondi + " secondi"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> utenteBasic(HttpServletRequest request) {
        String intestazione = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (intestazione == null || !intestazione.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String credenziali = new String(Base64.getDecoder().decode(intestazione.substring(6).trim()), StandardCharsets.UTF_8);
            int dueP = credenziali.indexOf(':');
            return dueP < 0 ? Optional.empty() : Optional.of(credenziali.substring(0, dueP));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
