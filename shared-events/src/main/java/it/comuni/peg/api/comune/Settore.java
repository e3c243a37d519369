package it.comuni.peg.api.comune;

/** A settore of the ente (code like SASTER), led by its responsabile (a dirigente). */
public record Settore(String codice, String nome, String responsabile) {

    public Settore {
        Testo.richiesto(codice, "settore.codice");
        Testo.facoltativo(nome, "settore.nome");
        Testo.facoltativo(responsabile, "settore.responsabile");
    }
}
