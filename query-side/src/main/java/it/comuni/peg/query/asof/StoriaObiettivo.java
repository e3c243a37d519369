package it.comuni.peg.query.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The events of one objective as they were known at an instant. Reads from sequence 0: the plain
 * {@code readEvents(id)} starts from the latest snapshot, which may hold facts recorded after the
 * instant asked for. Stops at the first event recorded after the instant: an aggregate's events
 * are appended in sequence under its lock, so nothing after it could have been known earlier.
 */
@Component
public class StoriaObiettivo {

    private final EventStore eventStore;

    public StoriaObiettivo(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Calls {@code azione} for each event recorded at or before {@code istante}; false if there was none. */
    public boolean finoA(String id, Instant istante, Consumer<DomainEventMessage<?>> azione) {
        DomainEventStream stream = eventStore.readEvents(id, 0);
        boolean alcuno = false;
        while (stream.hasNext()) {
            DomainEventMessage<?> evento = stream.next();
            if (evento.getTimestamp().isAfter(istante)) {
                break;
            }
            azione.accept(evento);
            alcuno = true;
        }
        return alcuno;
    }
}
