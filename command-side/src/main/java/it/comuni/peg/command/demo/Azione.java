package it.comuni.peg.command.demo;

import java.time.Instant;

/**
 * One simulated act: who does it, when it would have been recorded, the command. {@code ordine}
 * keeps acts of the same instant in the order they were planned (a consuntivo before the
 * completion it allows).
 */
record Azione(Instant istante, long ordine, Attore attore, Object comando) {

    /** Who acts: user name, role, and for a dirigente or responsabile the persona (identificativo) of the organigramma. Null role: the system. */
    record Attore(String utente, String ruolo, String persona) {
    }
}
