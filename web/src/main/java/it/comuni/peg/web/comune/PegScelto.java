package it.comuni.peg.web.comune;

import java.util.List;

/** The PEG a page shows (ente and anno) and the others the user can switch to. */
public record PegScelto(String ente, Integer anno, List<Voce> disponibili) {

    public record Voce(String ente, int anno) {
    }

    public boolean vuoto() {
        return ente == null;
    }
}
