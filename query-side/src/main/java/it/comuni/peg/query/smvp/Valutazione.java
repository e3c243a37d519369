package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.query.valutazione.Tempestivita;

import java.time.LocalDate;
import java.util.List;

/** Everything the engine scored at {@code al}, each score with its explanation. */
public record Valutazione(LocalDate al, List<Obiettivo> obiettivi, List<Aggregato> settori, List<Aggregato> uffici,
                          Aggregato ente, List<Persona> persone) {

    /** An objective: its phases and indicators, the two weighted means and the grado di raggiungimento. */
    public record Obiettivo(String obiettivo, String titolo, String settore, String ufficio, List<Fase> fasi,
                            List<Quota> quoteFasi, List<Indicatore> indicatori, List<Quota> quoteIndicatori,
                            List<Quota> quote, Esito esito, FasciaColore.Colore colore) {
    }

    public record Fase(int numero, String titolo, Tempestivita tempestivita, Esito esito) {
    }

    public record Indicatore(String codice, String nome, Esito esito, FasciaColore.Colore colore) {
    }

    /** A settore (ufficio null), an ufficio, or the ente (both null). */
    public record Aggregato(String settore, String ufficio, List<Quota> quote, Esito esito, FasciaColore.Colore colore) {
    }

    /** A person: the objectives they were assigned to, weighted by days × the objective's weight in the ente. */
    public record Persona(String persona, List<Quota> quote, Esito esito) {
    }

    public Obiettivo obiettivo(String id) {
        return obiettivi.stream().filter(o -> o.obiettivo().equals(id)).findFirst().orElseThrow();
    }

    public Persona persona(String persona) {
        return persone.stream().filter(p -> p.persona().equals(persona)).findFirst().orElseThrow();
    }
}
