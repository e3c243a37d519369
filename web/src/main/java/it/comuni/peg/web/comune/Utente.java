package it.comuni.peg.web.comune;

import it.comuni.peg.platform.sicurezza.Identita;
import it.comuni.peg.platform.sicurezza.Ruolo;

/** Who is looking at a page, as the pages show it: account, role, and the person of the PEG they are. */
public record Utente(String nome, Ruolo ruolo, String persona) {

    public static Utente di(Identita identita) {
        return new Utente(identita.utente(), identita.ruolo(), identita.persona());
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
            case OPS -> "Operazioni";
        };
    }
}
