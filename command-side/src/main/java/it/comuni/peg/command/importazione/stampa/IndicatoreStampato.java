package it.comuni.peg.command.importazione.stampa;

import java.util.List;

/** A row of an "Indicatore" table: name, unit and the values in the order of the columns. */
public record IndicatoreStampato(int riga, String nome, String unita, List<String> valori) {
}
