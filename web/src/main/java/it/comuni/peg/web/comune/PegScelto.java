package it.comuni.peg.web.comune;

import java.util.List;

/**
 * The PEG a page shows (ente and anno) and the others the user can switch to.
 *
 * @param ente     the ente's codice IPA ({@code c_b648}), null when the user has no PEG
 * @param nomeEnte the ente's official name ("Comune di Capannori"), its code when the organigramma does not name it
 */
public record PegScelto(String ente, String nomeEnte, Integer anno, List<Voce> disponibili) {

    public record Voce(String ente, int anno) {
    }

    public boolean vuoto() {
        return ente == null;
    }
}
