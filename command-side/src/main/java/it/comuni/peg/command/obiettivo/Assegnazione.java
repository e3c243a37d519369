package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.Periodo;

/** One period in which a person is assigned to the objective. */
record Assegnazione(String nome, Periodo periodo) {
}
