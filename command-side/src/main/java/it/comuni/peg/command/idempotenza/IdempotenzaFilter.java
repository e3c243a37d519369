package it.comuni.peg.command.idempotenza;

import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.platform.web.CorpoInMemoria;
import it.comuni.peg.platform.web.Problemi;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The HTTP side of the Idempotency-Key, on {@code POST /api/**}: a malformed key is refused with
 * 400 problem+json before anything runs, and a well-formed one gets the request fingerprinted
 * (method, path, query, If-Match, body), so that the command's unit of work can tell a retry from
 * a different request under the same key ({@link IdempotenzaInterceptor}, through
 * {@link InvioIdempotente}). Nothing else: no transaction, no lock, no stored answer. The key is
 * claimed where its guarantee is made, in the transaction that appends the command's events; a
 * transaction of its own around the whole request would outlive Axon's aggregate lock.
 * <p>
 * A key is 1 to {@value #LUNGHEZZA_MASSIMA} visible ASCII characters (no spaces, no controls: a
 * UUID fits, and so does any token a client library makes), sent once. Control characters other
 * than a tab never get here: Tomcat refuses the request first (its refusal is problem+json too,
 * see {@code ProblemiDiTomcat}).
 */
@Component
public class IdempotenzaFilter extends OncePerRequestFilter {

    public static final String INTESTAZIONE = "Idempotency-Key";
    public static final String RIPETUTA = "Idempotent-Replayed";
    /** The longest key accepted: the width of richiesta_idempotente.chiave (VARCHAR(255)). */
    public static final int LUNGHEZZA_MASSIMA = 255;
    /** The request attribute holding the fingerprint of a request whose key was accepted. */
    static final String IMPRONTA = IdempotenzaFilter.class.getName() + ".impronta";

    private static final Pattern ASCII_VISIBILE = Pattern.compile("[\\x21-\\x7E]+");

    private final ObjectMapper objectMapper;

    IdempotenzaFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(INTESTAZIONE) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String errore = errore(Collections.list(request.getHeaders(INTESTAZIONE)));
        if (errore != null) {
            rifiuta(request, response, errore);
            return;
        }
        String tipo = request.getContentType();
        if (tipo != null && tipo.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // an upload (the import) sends many commands, none of which claims the key: importing
            // again appends nothing anyway (its ids are deterministic)
            chain.doFilter(request, response);
            return;
        }
        // bounded: LimiteCorpoFilter, before this, refused any body over its cap
        byte[] corpo = request.getInputStream().readAllBytes();
        request.setAttribute(IMPRONTA, impronta(request, corpo));
        chain.doFilter(new CorpoInMemoria(request, corpo), response);
    }

    /** What is wrong with the key's header lines, in Italian, or null. */
    static String errore(List<String> valori) {
        if (valori.size() > 1) {
            return "Idempotency-Key ripetuta: una sola chiave per richiesta";
        }
        String chiave = valori.get(0);
        if (chiave.isEmpty()) {
            return "Idempotency-Key vuota: da 1 a " + LUNGHEZZA_MASSIMA + " caratteri ASCII visibili";
        }
        if (chiave.length() > LUNGHEZZA_MASSIMA) {
            return "Idempotency-Key troppo lunga: al massimo " + LUNGHEZZA_MASSIMA + " caratteri";
        }
        if (!ASCII_VISIBILE.matcher(chiave).matches()) {
            return "Idempotency-Key non valida: solo caratteri ASCII visibili, senza spazi né caratteri di controllo";
        }
        return null;
    }

    /** Same key, different request (method, path, query, If-Match or body): a client bug, refused with 422. */
    private static String impronta(HttpServletRequest request, byte[] corpo) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n"
                    + request.getHeader(HttpHeaders.IF_MATCH) + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(corpo);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same problem as any other invalid input (ProblemHandler's shape), naming the header. */
    private void rifiuta(HttpServletRequest request, HttpServletResponse response, String errore) throws IOException {
        ProblemDetail problema = Problemi.inputNonValido(errore, List.of(new Problemi.ErroreCampo(INTESTAZIONE, errore)));
        try {
            problema.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // a path that is no URI: the problem says what is wrong without it
        }
        response.setStatus(problema.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        objectMapper.writeValue(response.getOutputStream(), problema);
    }
}
