package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.valutazione.ParametriValutazione;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The evaluation of an objective at a date ({@code al}), on the facts known at {@code notoAl}.
 * {@code origine}: CALCOLATA (live or as-of), MONITORAGGIO (the date of a closed monitoraggio: the
 * facts known at its closure) or VALUTAZIONE_FINALE (recorded by the nucleo: the facts known when
 * it was recorded; later consuntivi cannot change it).
 */
public record ValutazioneObiettivo(
        String obiettivoId,
        String titolo,
        String ente,
        int anno,
        Settore settore,
        Ufficio ufficio,
        LocalDate al,
        Instant notoAl,
        String origine,
        boolean definitiva,
        String motivazioneNucleo,
        int versioneMetodo,
        ParametriValutazione parametri,
        Punteggio punteggio) {
}
