package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;

import java.time.LocalDate;

public record ValutazioneRegistrata(
        String ciclo,
        String ente,
        int anno,
        ObiettivoId obiettivoId,
        LocalDate al,
        Percentuale valutazioneIndicatori,
        Motivazione motivazione) {
}
