package it.comuni.peg.guasti;

import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.query.proiezione.InBlocco;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.proiezione.Righe;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A fault planted in the scheda projection for the tests that need one: while {@link #obiettivo}
 * names an objective, its consuntivi fail in that processing group, as a bug or a bad row would.
 */
@Component
@ProcessingGroup(Proiezioni.SCHEDA)
@ConditionalOnProperty("peg.test.guasto-scheda")
public class GuastoScheda implements InBlocco {

    public static volatile String obiettivo;

    @EventHandler
    void on(ConsuntivoRegistrato e) {
        if (e.obiettivoId().valore().equals(obiettivo)) {
            throw new IllegalStateException("Guasto simulato nella proiezione");
        }
    }

    /** The same fault on the rebuild's fast path. */
    @Override
    public void ricostruisci(List<Evento> eventi, Righe righe) {
        eventi.forEach(e -> {
            if (e.messaggio().getPayload() instanceof ConsuntivoRegistrato c) {
                on(c);
            }
        });
    }

    @Override
    public String gruppo() {
        return Proiezioni.SCHEDA;
    }
}
