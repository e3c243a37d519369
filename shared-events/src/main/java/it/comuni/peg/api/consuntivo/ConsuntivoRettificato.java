package it.comuni.peg.api.consuntivo;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;

import java.time.YearMonth;

/** Carries the corrected values beside the new ones: the original consuntivo is never lost. */
public record ConsuntivoRettificato(
        ObiettivoId obiettivoId,
        int fase,
        YearMonth mese,
        Rilevazione precedente,
        Rilevazione nuova,
        Motivazione motivazione) {
}
