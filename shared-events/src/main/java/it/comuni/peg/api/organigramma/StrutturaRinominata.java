package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Motivazione;

/** A struttura's name changed from {@code nomePrecedente} to {@code nome}. */
public record StrutturaRinominata(String ente, String codice, String nomePrecedente, String nome, Motivazione motivazione) {
}
