package it.comuni.peg.api.comune;

/** A link to the DUP: the strategic ("5.3") or operational ("5.3.01") objective, code and title. */
public record RiferimentoDup(String codice, String titolo) {

    public RiferimentoDup {
        Testo.richiesto(codice, "codice");
        Testo.facoltativo(titolo, "titolo");
    }
}
