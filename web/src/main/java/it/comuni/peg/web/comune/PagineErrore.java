package it.comuni.peg.web.comune;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.platform.web.ParametriRichiesta;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Failures of a page as a page, not as the API's problem+json (platform's advice would otherwise
 * answer for these controllers too): the same Italian message, in the site's layout.
 */
@ControllerAdvice(basePackages = "it.comuni.peg.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PagineErrore {

    private static final Logger log = LoggerFactory.getLogger(PagineErrore.class);

    private final ModelloComune modelloComune;

    public PagineErrore(ModelloComune modelloComune) {
        this.modelloComune = modelloComune;
    }

    @ExceptionHandler({NonTrovato.class, AggregateNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String nonTrovato(RuntimeException e, Model model) {
        return errore(model, "Non trovato", e instanceof AggregateNotFoundException a
                ? NonTrovato.aggregato(a.getAggregateIdentifier()).getMessage() : e.getMessage());
    }

    @ExceptionHandler(AccessoNegato.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessoNegato(AccessoNegato e, Model model) {
        return errore(model, "Operazione non consentita", e.getMessage());
    }

    @ExceptionHandler(ValoreNonValido.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String valoreNonValido(ValoreNonValido e, Model model) {
        return errore(model, "Richiesta non valida", e.getMessage());
    }

    /**
     * A parameter of the page's address or form missing or not of its type (an "anno" that is no number,
     * a "stato" no objective has): the user's error, in the API's words ({@link ParametriRichiesta}).
     */
    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            TypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String parametroNonValido(Exception e, Model model) {
        return errore(model, "Richiesta non valida", ParametriRichiesta.messaggio(e));
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String inatteso(Exception e, Model model) {
        log.error("Errore inatteso in una pagina", e);
        return errore(model, "Errore interno", "Si è verificato un errore inatteso; è stato registrato nei log del server");
    }

    /**
     * The error page in the site's layout, with the header's user bar and menu: an exception handler's model
     * does not get the advice's model attributes, so the user is put there again (as in their first ente).
     */
    private String errore(Model model, String titolo, String messaggio) {
        if (!model.containsAttribute("utente")) {
            model.addAttribute("utente", modelloComune.utente(null));
        }
        model.addAttribute("titoloErrore", titolo);
        model.addAttribute("messaggioErrore", messaggio);
        return "errore";
    }
}
