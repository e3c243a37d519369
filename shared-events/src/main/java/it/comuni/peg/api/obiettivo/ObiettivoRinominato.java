package it.comuni.peg.api.obiettivo;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;

/** The titolo of an objective changed; carries the one before, so the storico reads from this event alone. */
public record ObiettivoRinominato(
        ObiettivoId obiettivoId,
        String titoloPrima,
        String titoloDopo,
        Motivazione motivazione) {
}
