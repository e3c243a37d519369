package it.comuni.peg.platform.sicurezza;

/**
 * Who is acting: the account, its role, and the person of the PEG it is (a dirigente's name as
 * the PEG prints it), which decides the objectives a dirigente or responsabile may write.
 */
public record Identita(String utente, Ruolo ruolo, String persona) {
}
