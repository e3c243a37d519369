package it.comuni.peg.query.proiezione;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/**
 * A projection that a rebuild can feed one objective at a time, outside its processor: the store is
 * read once in (objective, sequence) order and each objective's whole stream is folded in memory
 * and written as plain rows, in JDBC batches. The fold is the projection's own code, the one its
 * event handlers run; only where events come from and how rows reach the database differ.
 */
public interface InBlocco {

    /** The processing group, i.e. the projection's name. */
    String gruppo();

    /**
     * The rows of one aggregate, from its whole stream in sequence order (events of aggregates the
     * projection does not follow produce none).
     */
    void ricostruisci(List<Evento> eventi, Righe righe);

    /** An event as the store holds it, with its global position. */
    record Evento(long posizione, DomainEventMessage<?> messaggio) {
    }
}
