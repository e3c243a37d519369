package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.organigramma.IncaricoCorretto;
import it.comuni.peg.api.organigramma.TipoIncarico;

/** An incarico of responsabile as the aggregate decides on it. */
record Incarico(String id, String struttura, String persona, TipoIncarico tipo, Periodo periodo, String atto) {

    IncaricoCorretto.Termini termini() {
        return new IncaricoCorretto.Termini(persona, periodo.dal(), periodo.al(), atto);
    }

    Incarico con(IncaricoCorretto.Termini t) {
        return new Incarico(id, struttura, t.persona(), tipo, new Periodo(t.dal(), t.al()), t.atto());
    }
}
