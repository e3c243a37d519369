package it.comuni.peg.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** RFC 9457 problems in the PEG's vocabulary: a stable type, an Italian title, the field errors. */
public final class Problemi {

    private static final String PREFISSO_TIPO = "urn:peg:problema:";

    private Problemi() {
    }

    /** One invalid input: the field (JSON path) and what is wrong with it. */
    public record ErroreCampo(String campo, String messaggio) {
    }

    public static ProblemDetail problema(HttpStatus stato, String tipo, String titolo, String dettaglio) {
        ProblemDetail problema = ProblemDetail.forStatusAndDetail(stato, dettaglio);
        problema.setType(URI.create(PREFISSO_TIPO + tipo));
        problema.setTitle(titolo);
        return problema;
    }

    public static ProblemDetail inputNonValido(String dettaglio, List<ErroreCampo> errori) {
        ProblemDetail problema = problema(HttpStatus.BAD_REQUEST, "input-non-valido", "Richiesta non valida", dettaglio);
        problema.setProperty("errori", errori);
        return problema;
    }
}
