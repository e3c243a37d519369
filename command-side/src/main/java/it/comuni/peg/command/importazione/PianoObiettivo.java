package it.comuni.peg.command.importazione;

import it.comuni.peg.api.comune.ObiettivoId;

import java.util.List;

/**
 * Every command that puts one objective of the print into the event store, first the definition:
 * all checked before any is sent, so that an objective is imported whole or not at all.
 */
public record PianoObiettivo(ObiettivoId id, int riga, String titolo, List<Object> comandi) {
}
