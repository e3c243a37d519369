package it.comuni.peg.api.smvp;

import java.math.BigDecimal;
import java.util.List;

/**
 * The weights the method gives within one objective of the PEG (by its identifier). Each part is
 * optional: without {@code pesoFasi}/{@code pesoIndicatori} the PEG's own apply, or else the method's;
 * without {@code fasi} the phases weigh the same; without {@code indicatori} the PEG's indicator weights
 * apply, or else equal ones. A list that is given sums to 100 ({@link RegoleMetodo}); a phase or an
 * indicator of the PEG it does not name weighs 0.
 */
public record ObiettivoMetodo(
        String obiettivo,
        String titolo,
        BigDecimal pesoFasi,
        BigDecimal pesoIndicatori,
        List<PesoFase> fasi,
        List<PesoIndicatore> indicatori) {

    public ObiettivoMetodo {
        fasi = Liste.copia(fasi);
        indicatori = Liste.copia(indicatori);
    }

    /** A phase's weight (percent); {@code indicatore}, when given, is the code of the indicator that scores it. */
    public record PesoFase(Integer numero, BigDecimal peso, String indicatore) {
    }

    /** An indicator's weight (percent) within the objective. */
    public record PesoIndicatore(String codice, BigDecimal peso) {
    }
}
