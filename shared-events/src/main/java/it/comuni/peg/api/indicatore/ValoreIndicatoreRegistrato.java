package it.comuni.peg.api.indicatore;

import it.comuni.peg.api.comune.ObiettivoId;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ValoreIndicatoreRegistrato(
        ObiettivoId obiettivoId,
        String codice,
        BigDecimal valore,
        LocalDate dataRiferimento,
        String note) {
}
