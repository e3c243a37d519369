package it.comuni.peg.command.web;

/** What a command answers: the objective and its version after the change (also the ETag). */
public record Esito(String id, long versione) {
}
