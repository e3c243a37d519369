package it.comuni.peg.web.comune;

import it.comuni.peg.platform.sicurezza.RisolutoreIdentita;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** What every page's header shows: the user, their enti, and the role and person they are in the ente shown. */
@ControllerAdvice(basePackages = "it.comuni.peg.web")
public class ModelloComune {

    private final RisolutoreIdentita risolutore;

    public ModelloComune(RisolutoreIdentita risolutore) {
        this.risolutore = risolutore;
    }

    @ModelAttribute("utente")
    public Utente utente(@RequestParam(name = "ente", required = false) String ente) {
        return risolutore.identita(SecurityContextHolder.getContext().getAuthentication())
                .map(i -> Utente.di(i, ente))
                .orElse(null);
    }
}
