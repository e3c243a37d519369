package it.comuni.peg.web.comune;

import it.comuni.peg.platform.sicurezza.Identita;
import it.comuni.peg.platform.sicurezza.Ruolo;

/** Who is looking at a page, as the pages show it: account, role, and the person of the PEG they are. */
public record Utente(String nome, Ruolo ruolo, String persona) {

    public static Utente di(Identita identita) {
        var accesso = identita.accessi().perEnte().values().stream().findFirst();
        return new Utente(identita.utente(), accesso.map(it.comuni.peg.platform.sicurezza.Accesso::ruolo).orElse(null),
                accesso.map(it.comuni.peg.platform.sicurezza.Accesso::persona).orElse(null));
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
        if (ruolo == null) {
            return "";
        }
        return switch (ruolo) {
            case CONTROLLO_GESTIONE -> "Controllo di gestione";
            case DIRIGENTE -> "Dirigente";
            case RESPONSABILE_UFFICIO -> "Responsabile d'ufficio";
            case NUCLEO -> "Nucleo di valutazione";
            default -> ruolo.descrizione();
        };
    }
}
