package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The nucleo (or OIV) validates the Relazione sulla performance of the year {@code anno}: D.Lgs. 150/2009,
 * art. 14 c. 4 lett. c (the validation) and art. 10 c. 1 lett. b (the Relazione, approved by 30 June of the
 * following year). The act follows the year's end; a Relazione not validated may be validated later by a
 * new act, a validated one stays so.
 *
 * @param data        the day of the act (after 31/12 of {@code anno}, not in the future)
 * @param atto        the act's reference ("Verbale n. 4 del 28/06/2024"), optional
 * @param esito       VALIDATA or NON_VALIDATA
 * @param motivazione why: the nucleo's judgement, read afterwards
 */
public record ValidaRelazionePerformance(
        @TargetAggregateIdentifier String ciclo,
        String ente,
        int anno,
        LocalDate data,
        String atto,
        RelazionePerformanceValidata.Esito esito,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public ValidaRelazionePerformance {
        new Lunghezze()
                .testo("ente", ente, Limite.ENTE)
                .testo("atto", atto, Limite.ATTO)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
