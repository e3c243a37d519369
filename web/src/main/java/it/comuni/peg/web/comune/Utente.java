package it.comuni.peg.web.comune;

import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Identita;
import it.comuni.peg.platform.sicurezza.Ruolo;

import java.util.Comparator;
import java.util.List;

/**
 * Who is looking at a page, as the pages show it: the account, the enti it acts in, and the ente the
 * page is about ({@code ente}, codice IPA) with the role and persona held there. A page about one
 * objective asks {@link #in(String)} for the objective's ente; a page about a PEG, for the PEG's.
 */
public record Utente(String nome, Identita identita, String ente, Ruolo ruolo, String persona) {

    /** The user as in the ente asked for, or, when none is asked or the user has no role there, in their first ente. */
    public static Utente di(Identita identita, String ente) {
        Accesso accesso = identita.accessi().in(ente)
                .or(() -> identita.accessi().perEnte().values().stream().min(Comparator.comparing(Accesso::ente)))
                .orElse(null);
        return accesso == null ? new Utente(identita.utente(), identita, null, null, null)
                : new Utente(identita.utente(), identita, accesso.ente(), accesso.ruolo(), accesso.persona());
    }

    /** The same user in another ente (no role there: no role on the page). */
    public Utente in(String altroEnte) {
        return identita.accessi().in(altroEnte)
                .map(a -> new Utente(nome, identita, a.ente(), a.ruolo(), a.persona()))
                .orElse(new Utente(nome, identita, altroEnte, null, null));
    }

    /** Puts on the page's model the user as in the ente the page is about (its role and persona there). */
    public static void nellEnte(org.springframework.ui.Model model, String ente) {
        if (model.getAttribute("utente") instanceof Utente utente) {
            model.addAttribute("utente", utente.in(ente));
        }
    }

    /** The enti the user acts in, by code, for the page's choice of ente. */
    public List<Accesso> enti() {
        return identita.accessi().perEnte().values().stream().sorted(Comparator.comparing(Accesso::ente)).toList();
    }

    public boolean registraAvanzamento() {
        return ruolo == Ruolo.DIRIGENTE || ruolo == Ruolo.RESPONSABILE_UFFICIO || ruolo == Ruolo.CONTROLLO_GESTIONE;
    }

    public boolean haPegPersonale() {
        return ruolo == Ruolo.DIRIGENTE || ruolo == Ruolo.RESPONSABILE_UFFICIO;
    }

    public boolean controlloGestione() {
        return ruolo == Ruolo.CONTROLLO_GESTIONE;
    }

    public boolean nucleo() {
        return ruolo == Ruolo.NUCLEO;
    }

    public String descrizioneRuolo() {
        return ruolo == null ? "" : ruolo.descrizione();
    }
}
