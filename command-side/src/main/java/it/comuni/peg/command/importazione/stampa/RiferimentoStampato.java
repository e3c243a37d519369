package it.comuni.peg.command.importazione.stampa;

/** A DUP link as printed: "5.3.01 - Valorizzazione ..." becomes code and title. */
public record RiferimentoStampato(String codice, String titolo) {
}
