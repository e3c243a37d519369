package it.comuni.peg.api.persona;

import it.comuni.peg.api.comune.ObiettivoId;

import java.time.LocalDate;

/** {@code finePrevista} is the end the assignment had before: the history shows both. */
public record AssegnazioneTerminata(
        ObiettivoId obiettivoId,
        String nome,
        LocalDate inizio,
        LocalDate finePrevista,
        LocalDate fine) {
}
