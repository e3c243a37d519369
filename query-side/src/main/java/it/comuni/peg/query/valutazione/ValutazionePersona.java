package it.comuni.peg.query.valutazione;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The basis of a person's individual evaluation: each objective they were assigned to in the year,
 * weighted by the days of assignment within the year.
 */
public record ValutazionePersona(String nome, int anno, LocalDate al, Instant notoAl, long giorniTotali,
                                 BigDecimal grado, String regola, List<Quota> obiettivi) {

    public record Quota(String obiettivoId, String titolo, long giorni, BigDecimal peso, BigDecimal grado,
                        BigDecimal contributo) {
    }
}
