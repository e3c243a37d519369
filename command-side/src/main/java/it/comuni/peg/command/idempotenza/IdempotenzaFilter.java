package it.comuni.peg.command.idempotenza;

import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.platform.web.CorpoInMemoria;
import it.comuni.peg.platform.web.Problemi;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Idempotency-Key on command requests: the first answer is kept and every retry gets it back,
 * appending nothing. The key is claimed, the command handled and its answer stored in one
 * transaction, the one that appends the events (Axon joins it): a crash anywhere leaves either
 * all of it or none, so a retry can never append twice.
 */
@Component
public class IdempotenzaFilter extends OncePerRequestFilter {

    public static final String INTESTAZIONE = "Idempotency-Key";
    public static final String RIPETUTA = "Idempotent-Replayed";
    private static final int CORPO_MASSIMO = 2 * 1024 * 1024;
    private static final int TENTATIVI = 3;

    private static final Logger log = LoggerFactory.getLogger(IdempotenzaFilter.class);

    private final RisposteIdempotenti risposte;
    private final TransactionTemplate transazione;
    private final ObjectMapper objectMapper;

    IdempotenzaFilter(RisposteIdempotenti risposte, PlatformTransactionManager transactionManager, ObjectMapper objectMapper) {
        this.risposte = risposte;
        this.transazione = new TransactionTemplate(transactionManager);
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
        String chiave = request.getHeader(INTESTAZIONE);
        Authentication autenticazione = SecurityContextHolder.getContext().getAuthentication();
        if (autenticazione == null || !autenticazione.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!chiave.matches("[\\x21-\\x7E]{1,255}")) {
            scrivi(response, Problemi.inputNonValido("Idempotency-Key non valida: da 1 a 255 caratteri ASCII visibili",
                    java.util.List.of(new Problemi.ErroreCampo(INTESTAZIONE, "Valore non valido"))));
            return;
        }
        byte[] corpo = request.getInputStream().readNBytes(CORPO_MASSIMO + 1);
        if (corpo.length > CORPO_MASSIMO) {
            scrivi(response, Problemi.problema(HttpStatus.PAYLOAD_TOO_LARGE, "richiesta-troppo-grande",
                    "Richiesta troppo grande", "Il corpo della richiesta supera " + CORPO_MASSIMO + " byte"));
            return;
        }
        String utente = autenticazione.getName();
        String impronta = impronta(request, corpo);

        Optional<RispostaRegistrata> giaData = risposte.trova(utente, chiave);
        if (giaData.isPresent()) {
            ripeti(giaData.get(), impronta, response);
            return;
        }
        ContentCachingResponseWrapper risposta = new ContentCachingResponseWrapper(response);
        try {
            for (int tentativo = 1; ; tentativo++) {
                esegui(new CorpoInMemoria(request, corpo), risposta, chain, utente, chiave, impronta);
                if (tentativo == TENTATIVI || !conflittoConcorrente(risposta)) {
                    break;
                }
                // the aggregate lock ends with Axon's unit of work, before this transaction commits:
                // a command on the same objective may have read the events before ours were committed
                log.debug("Conflitto concorrente sulla chiave {}: nuovo tentativo", chiave);
                risposta.resetBuffer();
            }
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same key committed first: give its answer
            risposta.resetBuffer();
            Optional<RispostaRegistrata> prima = risposte.trova(utente, chiave);
            if (prima.isPresent()) {
                ripeti(prima.get(), impronta, response);
            } else {
                scrivi(response, Problemi.problema(HttpStatus.CONFLICT, "conflitto-concorrente", "Richiesta in corso",
                        "Una richiesta con la stessa Idempotency-Key è in corso: riprovare"));
            }
            return;
        }
        int stato = risposta.getStatus();
        // a refusal is an answer too, and is repeated; a failure of ours (5xx) or of the
        // credentials is not, so that a retry can still succeed
        if (stato >= 400 && stato < 500 && stato != 401 && stato != 403 && stato != 409) {
            try {
                transazione.executeWithoutResult(s -> risposte.registra(utente, chiave, registrata(impronta, risposta)));
            } catch (DuplicateKeyException e) {
                log.debug("Risposta per la chiave {} già registrata da una richiesta concorrente", chiave);
            }
        }
        risposta.copyBodyToResponse();
    }

    /** Claims the key, handles the request and stores its answer in one transaction; a refusal rolls it all back. */
    private void esegui(CorpoInMemoria richiesta, ContentCachingResponseWrapper risposta, FilterChain chain, String utente,
                        String chiave, String impronta) {
        transazione.executeWithoutResult(stato -> {
            risposte.registra(utente, chiave, new RispostaRegistrata(impronta, 0, null, null, null, null));
            try {
                chain.doFilter(richiesta, risposta);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            if (risposta.getStatus() < 300) {
                risposte.completa(utente, chiave, registrata(impronta, risposta));
            } else {
                stato.setRollbackOnly();
            }
        });
    }

    private static boolean conflittoConcorrente(ContentCachingResponseWrapper risposta) {
        return risposta.getStatus() == HttpStatus.CONFLICT.value()
                && new String(risposta.getContentAsByteArray(), StandardCharsets.UTF_8).contains(Problemi.TIPO_CONFLITTO_CONCORRENTE);
    }

    private void ripeti(RispostaRegistrata registrata, String impronta, HttpServletResponse response) throws IOException {
        if (!registrata.impronta().equals(impronta)) {
            scrivi(response, Problemi.problema(HttpStatus.UNPROCESSABLE_ENTITY, "chiave-riutilizzata",
                    "Idempotency-Key già usata", "Questa Idempotency-Key è già stata usata per una richiesta diversa"));
            return;
        }
        response.setStatus(registrata.stato());
        response.setHeader(RIPETUTA, "true");
        if (registrata.tipoContenuto() != null) {
            response.setContentType(registrata.tipoContenuto());
        }
        if (registrata.posizione() != null) {
            response.setHeader(HttpHeaders.LOCATION, registrata.posizione());
        }
        if (registrata.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, registrata.etag());
        }
        if (registrata.corpo() != null) {
            response.getOutputStream().write(registrata.corpo());
        }
    }

    private static RispostaRegistrata registrata(String impronta, ContentCachingResponseWrapper risposta) {
        return new RispostaRegistrata(impronta, risposta.getStatus(), risposta.getContentType(),
                risposta.getHeader(HttpHeaders.LOCATION), risposta.getHeader(HttpHeaders.ETAG),
                risposta.getContentAsByteArray());
    }

    /** Same key, different request (method, path, query or body): a client bug, refused with 422. */
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

    private void scrivi(HttpServletResponse response, ProblemDetail problema) throws IOException {
        response.setStatus(problema.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problema);
    }
}
