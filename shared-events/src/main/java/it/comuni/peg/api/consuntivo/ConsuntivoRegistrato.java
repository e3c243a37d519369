package it.comuni.peg.api.consuntivo;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;

import java.time.YearMonth;

public record ConsuntivoRegistrato(
        ObiettivoId obiettivoId,
        int fase,
        YearMonth mese,
        boolean svolta,
        Percentuale percentuale,
        String note,
        String atto) {
}
