package it.comuni.peg.query.relazione;

import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * When each consuntivo of an objective was first recorded: the scheda keeps what a month says, not when it
 * was said, and lateness is judged on the first recording (a later rettifica corrects a record in time, it
 * does not make it late).
 */
public final class PrimeRegistrazioni {

    /** A phase's month. */
    public record Chiave(int fase, YearMonth mese) {
    }

    private final Map<Chiave, Instant> istanti = new HashMap<>();

    /** Takes an event of the objective's stream, in order; events other than a consuntivo are ignored. */
    public void accetta(EventMessage<?> evento) {
        if (evento.getPayload() instanceof ConsuntivoRegistrato e) {
            istanti.putIfAbsent(new Chiave(e.fase(), e.mese()), evento.getTimestamp());
        }
    }

    /** The instant the phase's month was first recorded; null when no such event was taken. */
    public Instant di(int fase, YearMonth mese) {
        return istanti.get(new Chiave(fase, mese));
    }
}
