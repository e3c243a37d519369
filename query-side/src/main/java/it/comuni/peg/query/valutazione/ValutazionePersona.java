package it.comuni.peg.query.valutazione;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The basis of a person's individual evaluation: each objective they were assigned to in the year,
 * weighted by the days of assignment within the year. {@code persona} is the identificativo (matricola
 * or codice fiscale) when the person is known by it, {@code nome} then the name the ente's organigramma
 * holds for it; for a person known by name only, {@code persona} is null.
 */
public record ValutazionePersona(String nome, String persona, int anno, LocalDate al, Instant notoAl, long giorniTotali,
                                 BigDecimal grado, String regola, List<Quota> obiettivi) {

    public record Quota(String obiettivoId, String titolo, long giorni, BigDecimal peso, BigDecimal grado,
                        BigDecimal contributo) {
    }
}
