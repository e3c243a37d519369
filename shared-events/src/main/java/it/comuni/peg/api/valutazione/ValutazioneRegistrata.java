package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;

import java.time.LocalDate;

/** The nucleo's final evaluation of an objective: an act of the cycle. */
public record ValutazioneRegistrata(
        String ciclo,
        String ente,
        int anno,
        ObiettivoId obiettivoId,
        LocalDate al,
        Percentuale valutazioneIndicatori,
        Motivazione motivazione) implements AttoDelCiclo {
}
