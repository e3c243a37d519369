package it.comuni.peg.query.scheda;

import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;

/** One objective in the PEG list: derived from its scheda on the day viewed, live or as-of alike. */
public record VoceElenco(String id, String titolo, Settore settore, Ufficio ufficio, Stato stato, int fasi,
                         int fasiCompletate, int indicatori, long versione) {

    public static VoceElenco di(Scheda s) {
        return new VoceElenco(s.id(), s.titolo(), s.settore(), s.ufficio(), s.stato(), s.fasi().size(),
                (int) s.fasi().stream().filter(Scheda.Fase::completata).count(), s.indicatori().size(), s.versione());
    }
}
