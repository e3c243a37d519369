package it.comuni.peg.web.comune;

import it.comuni.peg.platform.sicurezza.RisolutoreIdentita;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: the user and the person they are in the PEG. */
@ControllerAdvice(basePackages = "it.comuni.peg.web")
public class ModelloComune {

    private final RisolutoreIdentita risolutore;

    public ModelloComune(RisolutoreIdentita risolutore) {
        this.risolutore = risolutore;
    }

    @ModelAttribute("utente")
    public Utente utente() {
        return risolutore.identita(SecurityContextHolder.getContext().getAuthentication())
                .filter(i -> !i.accessi().vuoto())
                .map(Utente::di)
                .orElse(null);
    }
}
