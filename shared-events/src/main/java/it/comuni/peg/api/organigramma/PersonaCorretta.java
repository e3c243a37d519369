package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Motivazione;

/** A persona's name was corrected from {@code nomePrecedente} to {@code nome}. */
public record PersonaCorretta(String ente, String identificativo, String nomePrecedente, String nome, Motivazione motivazione) {
}
