package it.comuni.peg.api.fase;

import it.comuni.peg.api.comune.ObiettivoId;

import java.time.LocalDate;

public record FaseCompletata(
        ObiettivoId obiettivoId,
        int numero,
        LocalDate data,
        String atto) {
}
