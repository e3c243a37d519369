package it.comuni.peg.guasti;

import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A fault planted in the scheda projection for the tests that need one: while {@link #obiettivo}
 * names an objective, its consuntivi fail in that processing group, as a bug or a bad row would.
 */
@Component
@ProcessingGroup(Proiezioni.SCHEDA)
@ConditionalOnProperty("peg.test.guasto-scheda")
public class GuastoScheda {

    public static volatile String obiettivo;

    @EventHandler
    void on(ConsuntivoRegistrato e) {
        if (e.obiettivoId().valore().equals(obiettivo)) {
            throw new IllegalStateException("Guasto simulato nella proiezione");
        }
    }
}
