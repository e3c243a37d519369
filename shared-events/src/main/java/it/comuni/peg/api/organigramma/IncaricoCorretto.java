package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Motivazione;

import java.time.LocalDate;

/** An incarico's terms were corrected: {@code prima} as they were, {@code dopo} as they are now. */
public record IncaricoCorretto(String ente, String incarico, String struttura, Termini prima, Termini dopo,
                               Motivazione motivazione) {

    /** Who held the incarico, from when to when ({@code al} {@code null}: open-ended), by which act. */
    public record Termini(String persona, LocalDate dal, LocalDate al, String atto) {
    }
}
