package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.Peso;

/** What the aggregate must know of an indicator to decide: that it exists, and its weight. */
record Indicatore(String codice, Peso peso) {
}
