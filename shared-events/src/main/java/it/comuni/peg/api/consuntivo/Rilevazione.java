package it.comuni.peg.api.consuntivo;

import it.comuni.peg.api.comune.Percentuale;

/** The recorded content of a consuntivo for one month: what a rettifica replaces. */
public record Rilevazione(boolean svolta, Percentuale percentuale, String note, String atto) {
}
