package it.comuni.peg.query.valutazione;

import it.comuni.peg.query.scheda.Stato;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The evaluation of a whole PEG: each objective's grado, and the means by settore and by ufficio. */
public record RiepilogoPeg(String ente, int anno, LocalDate al, Instant notoAl, int obiettivi, BigDecimal media,
                           List<Totale> settori, List<Totale> uffici, List<Voce> dettaglio) {

    /** Mean, lowest and highest grado of the objectives of a settore (ufficio null) or of an ufficio. */
    public record Totale(String settore, String ufficio, int obiettivi, int provvisori, BigDecimal media,
                         BigDecimal minimo, BigDecimal massimo) {
    }

    public record Voce(String obiettivoId, String titolo, String settore, String ufficio, BigDecimal grado,
                       boolean provvisorio, Tempestivita tempestivita, String origine, Stato stato) {
    }
}
