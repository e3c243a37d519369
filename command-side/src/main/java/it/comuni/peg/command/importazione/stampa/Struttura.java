package it.comuni.peg.command.importazione.stampa;

/** A settore or an ufficio as printed: code (as the index spells it), name, responsabile (null if empty). */
public record Struttura(String codice, String nome, String responsabile, int riga) {
}
