package it.comuni.peg.api.organigramma;

import java.time.LocalDate;

/** A persona is responsabile of a struttura from {@code dal} to {@code al} ({@code null}: open-ended), by {@code atto}. */
public record IncaricoConferito(String ente, String incarico, String struttura, String persona, TipoIncarico tipo,
                                LocalDate dal, LocalDate al, String atto) {
}
