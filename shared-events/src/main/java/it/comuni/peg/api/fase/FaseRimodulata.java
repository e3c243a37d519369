package it.comuni.peg.api.fase;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;

/** Carries the previous plan too, so the evolution of the previsto reads from the events alone. */
public record FaseRimodulata(
        ObiettivoId obiettivoId,
        int numero,
        Pianificazione precedente,
        Pianificazione nuova,
        Motivazione motivazione) {
}
