package it.comuni.peg.query.proiezione;

import it.comuni.peg.platform.web.Problemi;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's own problem: kept here, ahead of the platform's handler, which it does not touch. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProiezioniProblemHandler {

    @ExceptionHandler(ProiezioneInRicostruzione.class)
    ResponseEntity<ProblemDetail> inRicostruzione(ProiezioneInRicostruzione e) {
        ProblemDetail problema = Problemi.problema(HttpStatus.SERVICE_UNAVAILABLE, "proiezione-in-ricostruzione",
                "Proiezione in ricostruzione", e.getMessage());
        problema.setProperty("proiezione", e.proiezione());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10").body(problema);
    }
}
