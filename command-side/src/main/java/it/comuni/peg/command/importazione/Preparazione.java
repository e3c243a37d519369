package it.comuni.peg.command.importazione;

import it.comuni.peg.command.importazione.stampa.Avviso;

import java.util.List;
import java.util.Optional;

/** The plan for one objective, or none when it cannot be imported; the findings either way. */
public record Preparazione(Optional<PianoObiettivo> piano, List<Avviso> avvisi) {
}
