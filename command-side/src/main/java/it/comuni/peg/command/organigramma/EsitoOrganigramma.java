package it.comuni.peg.command.organigramma;

/**
 * What a command on an organigramma answers (and the API returns): the ente, what the command
 * touched (the ente, a denominazione, a struttura's code, a persona's identificativo, an incarico's
 * id) and the organigramma's version after it (its stream's last sequence number). Kept under an
 * Idempotency-Key, so that a retry gets the incarico id the first request was given.
 */
public record EsitoOrganigramma(String ente, String voce, long versione) {
}
