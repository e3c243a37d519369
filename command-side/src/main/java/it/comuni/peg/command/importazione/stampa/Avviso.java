package it.comuni.peg.command.importazione.stampa;

/** A finding about the print, at a line (1-based) of the file. */
public record Avviso(int riga, TipoAvviso tipo, String messaggio) {
}
