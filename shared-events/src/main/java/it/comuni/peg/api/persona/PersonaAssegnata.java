package it.comuni.peg.api.persona;

import it.comuni.peg.api.comune.ObiettivoId;

import java.time.LocalDate;

public record PersonaAssegnata(
        ObiettivoId obiettivoId,
        String nome,
        String categoria,
        String ruolo,
        LocalDate inizio,
        LocalDate fine) {
}
