package it.comuni.peg.api.indicatore;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;

import java.math.BigDecimal;

public record IndicatoreDefinito(
        ObiettivoId obiettivoId,
        String codice,
        String nome,
        String unita,
        BigDecimal valoreAtteso,
        Direzione direzione,
        Peso peso) {
}
