package it.comuni.peg.api.organigramma;

import java.time.LocalDate;

/** An incarico's last day is now {@code al} (it was {@code alPrecedente}, {@code null} when open-ended), by {@code atto}. */
public record IncaricoTerminato(String ente, String incarico, String struttura, LocalDate alPrecedente, LocalDate al, String atto) {
}
