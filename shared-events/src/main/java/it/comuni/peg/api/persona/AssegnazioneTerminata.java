package it.comuni.peg.api.persona;

import com.fasterxml.jackson.annotation.JsonCreator;
import it.comuni.peg.api.comune.ObiettivoId;

import java.time.LocalDate;

/**
 * {@code finePrevista} is the end the assignment had before: the history shows both. {@code persona}
 * is the identificativo of the person in the organigramma, null for a person known by name only (and on
 * every event recorded before identificativi existed).
 */
public record AssegnazioneTerminata(
        ObiettivoId obiettivoId,
        String nome,
        String persona,
        LocalDate inizio,
        LocalDate finePrevista,
        LocalDate fine) {

    /** The canonical constructor is the one an event is read with. */
    @JsonCreator
    public AssegnazioneTerminata {
    }

    /** A person known by name only. */
    public AssegnazioneTerminata(ObiettivoId obiettivoId, String nome, LocalDate inizio, LocalDate finePrevista, LocalDate fine) {
        this(obiettivoId, nome, null, inizio, finePrevista, fine);
    }
}
