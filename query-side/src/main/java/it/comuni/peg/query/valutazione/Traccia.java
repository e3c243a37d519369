package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.indicatore.Direzione;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The trace of a score: every phase and indicator, its inputs, the rule applied, its points. */
public final class Traccia {

    private Traccia() {
    }

    public record Fase(int numero, String titolo, LocalDate inizioPrevisto, LocalDate finePrevista, boolean rimodulata,
                       LocalDate completataIl, Integer percentualeRilevata, Integer giorniRitardo, Integer mesiRitardo,
                       Tempestivita tempestivita, String regola, BigDecimal punti) {
    }

    public record Indicatore(String codice, String nome, Direzione direzione, BigDecimal atteso, BigDecimal rilevato,
                             LocalDate dataRilevazione, BigDecimal peso, String regola, BigDecimal punti) {
    }
}
