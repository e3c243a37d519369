package it.comuni.peg.command.importazione.stampa;

import java.time.LocalDate;

/** A row of the "Persona" table; ruolo is null when its cell is empty. */
public record PersonaStampata(int riga, String nome, String categoria, String ruolo, LocalDate inizio, LocalDate fine) {
}
