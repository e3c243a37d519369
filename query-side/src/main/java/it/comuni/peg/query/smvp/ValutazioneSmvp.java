package it.comuni.peg.query.smvp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Scores under the ente's SMVP, with the version of the method they were computed with.
 *
 * @param al        the date the scores refer to
 * @param notoAl    the instant whose knowledge they use: the data and the method as recorded by then
 * @param origine   CALCOLATA (at the request), or VALUTAZIONE_FINALE (as the nucleo's final evaluation
 *                  closed it: the data and method as recorded when it was registered, at its date)
 * @param metodo    the version in force at {@code al}
 * @param esito     every score with its explanation in Italian
 */
public record ValutazioneSmvp(String ente, int anno, LocalDate al, Instant notoAl, String origine, Metodo metodo,
                              Valutazione esito) {

    /**
     * Which version of the SMVP: its number for the ente and year, the first day in force, its impronta;
     * {@code indicatoriImpliciti} the codes of the PEG's indicators it does not list, scored as it scores
     * any NUMERO (its conversion and mapping for the type, the scheda's direction).
     */
    public record Metodo(int versione, LocalDate inVigoreDal, String titolo, String impronta, List<String> indicatoriImpliciti) {
    }
}
