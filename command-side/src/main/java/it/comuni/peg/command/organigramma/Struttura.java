package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.organigramma.TipoStruttura;

/** A settore or ufficio of the organigramma as the aggregate decides on it; {@code settore} is an ufficio's settore. */
record Struttura(String codice, String nome, TipoStruttura tipo, String settore, Periodo periodo) {

    String descrizione() {
        return (tipo == TipoStruttura.SETTORE ? "Il settore " : "L'ufficio ") + codice;
    }
}
