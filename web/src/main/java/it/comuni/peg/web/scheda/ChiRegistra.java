package it.comuni.peg.web.scheda;

import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.query.organigramma.OrganigrammaQueries;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.comune.Utente;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Set;

/**
 * Whether the page offers the progress forms to the user: only when the command would pass the
 * objective's authorization (command side, {@code Autorizzazione}): a dirigente or responsabile d'ufficio
 * whose persona holds today, in the ente's organigramma, the incarico of the objective's settore or of
 * its ufficio. The organigramma is asked, as the aggregate asks it; the aggregate still decides.
 */
@Component
public class ChiRegistra {

    private static final Set<Ruolo> RESPONSABILI = Set.of(Ruolo.DIRIGENTE, Ruolo.RESPONSABILE_UFFICIO);

    private final OrganigrammaQueries organigramma;

    public ChiRegistra(OrganigrammaQueries organigramma) {
        this.organigramma = organigramma;
    }

    /**
     * @param utente the user as in the objective's ente ({@link Utente#in}); null: nobody signed in
     * @param oggi   the day of recording (Europe/Rome)
     */
    public boolean puo(Utente utente, Scheda scheda, LocalDate oggi) {
        if (utente == null || utente.ente() == null || utente.persona() == null || !RESPONSABILI.contains(utente.ruolo())) {
            return false;
        }
        Set<String> strutture = organigramma.struttureDi(utente.ente(), utente.persona(), oggi);
        return strutture.contains(scheda.settore().codice())
                || scheda.ufficio() != null && strutture.contains(scheda.ufficio().codice());
    }
}
