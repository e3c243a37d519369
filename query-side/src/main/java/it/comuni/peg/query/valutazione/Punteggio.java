package it.comuni.peg.query.valutazione;

import java.math.BigDecimal;
import java.util.List;

/**
 * The grado di raggiungimento of an objective at a date, with its trace. {@code provvisorio} when
 * a share could not be scored (no indicator values and no assessment by the nucleo yet).
 */
public record Punteggio(
        BigDecimal grado,
        BigDecimal punteggioFasi,
        BigDecimal punteggioIndicatori,
        BigDecimal pesoFasi,
        BigDecimal pesoIndicatori,
        String regola,
        boolean provvisorio,
        Tempestivita tempestivita,
        List<Traccia.Fase> fasi,
        List<Traccia.Indicatore> indicatori) {
}
