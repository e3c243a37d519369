package it.comuni.peg.api.comune;

/** An ufficio inside a settore (code like UEDPRI); its responsabile is often a Posizione Organizzativa. */
public record Ufficio(String codice, String nome, String responsabile) {

    public Ufficio {
        Testo.richiesto(codice, "ufficio.codice");
        Testo.facoltativo(nome, "ufficio.nome");
        Testo.facoltativo(responsabile, "ufficio.responsabile");
    }
}
