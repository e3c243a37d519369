package it.comuni.peg.api.organigramma;

import java.time.LocalDate;

/** A settore or ufficio exists from {@code dal} to {@code al} ({@code null}: open-ended); {@code settore} is an ufficio's settore. */
public record StrutturaIstituita(String ente, String codice, String nome, TipoStruttura tipo, String settore,
                                 LocalDate dal, LocalDate al) {
}
