package it.comuni.peg.api.organigramma;

/** A persona of the ente: identificativo (matricola or codice fiscale, upper case) and name (upper case, as the PEG prints it). */
public record PersonaRegistrata(String ente, String identificativo, String nome) {
}
