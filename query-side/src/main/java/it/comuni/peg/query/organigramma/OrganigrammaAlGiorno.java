package it.comuni.peg.query.organigramma;

import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;

import java.time.LocalDate;
import java.util.List;

/**
 * An ente's organigramma on one day ({@code al}): the strutture valid that day, settori each followed
 * by its uffici, with who was responsabile of each that day ({@code vacante} when nobody), and the
 * persone of the ente.
 */
public record OrganigrammaAlGiorno(String ente, String nome, LocalDate al, List<Struttura> strutture, List<Persona> persone) {

    /** A settore or ufficio valid on the day; {@code settore} is an ufficio's settore. */
    public record Struttura(String codice, String nome, TipoStruttura tipo, String settore, LocalDate dal, LocalDate al,
                            boolean vacante, List<Incarico> responsabili) {
    }

    /** An incarico of responsabile: who (identificativo and name), how, from when to when ({@code al} null: open-ended), by which act. */
    public record Incarico(String incarico, String struttura, String identificativo, String nome, TipoIncarico tipo,
                           LocalDate dal, LocalDate al, String atto) {
    }

    /** A persona of the ente: stable identificativo, name as last corrected. */
    public record Persona(String identificativo, String nome) {
    }
}
