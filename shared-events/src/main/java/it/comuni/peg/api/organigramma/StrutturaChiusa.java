package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Motivazione;

import java.time.LocalDate;

/** A struttura's last day is now {@code al} (it was {@code alPrecedente}, {@code null} when open-ended). */
public record StrutturaChiusa(String ente, String codice, LocalDate alPrecedente, LocalDate al, Motivazione motivazione) {
}
