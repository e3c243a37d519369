package it.comuni.peg.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event storage engine, with its reads of the global stream (what feeds the projections) started
 * at least {@code intervallo} apart; everything else goes straight through.
 * <p>
 * Why: Axon's {@code EmbeddedEventStore} wakes its reader after every commit of this process and
 * reads again at once as long as the last read found something. Under a stream of single commands
 * that is one read, in a transaction of its own (four statements), per command, each bringing one
 * event to the projections, which then handle it in a batch and a transaction of their own: measured
 * by the benchmark at 1.16 reads per command, a third of the statements MariaDB ran for a command. Started
 * {@code intervallo} apart, a read brings every event committed meanwhile, and the projections
 * handle them in one batch. A read that finds a full batch still goes on to the next batch without
 * waiting (a processor catching up is not slowed), and an idle store is read as before (after a
 * commit of this process, or every second). The cost is a projection that may trail a command by up
 * to {@code intervallo} more.
 */
public final class LettureDistanziate implements EventStorageEngine {

    private final EventStorageEngine motore;
    private final long intervalloNanos;
    private long prossimaLettura = Long.MIN_VALUE;

    /**
     * @param motore     the engine that stores and reads
     * @param intervallo the least time between the starts of two reads of the global stream (positive)
     */
    public LettureDistanziate(EventStorageEngine motore, Duration intervallo) {
        if (intervallo.isNegative() || intervallo.isZero()) {
            throw new IllegalArgumentException("L'intervallo tra le letture deve essere positivo: " + intervallo);
        }
        this.motore = motore;
        this.intervalloNanos = intervallo.toNanos();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        attendiTurno();
        return motore.readEvents(trackingToken, mayBlock);
    }

    /** Waits, if need be, until {@code intervallo} has passed since the start of the previous read. */
    private void attendiTurno() {
        long attesa;
        synchronized (this) {
            long adesso = System.nanoTime();
            long turno = prossimaLettura == Long.MIN_VALUE ? adesso : Math.max(adesso, prossimaLettura);
            prossimaLettura = turno + intervalloNanos;
            attesa = turno - adesso;
        }
        if (attesa > 0) {
            try {
                Thread.sleep(attesa / 1_000_000, (int) (attesa % 1_000_000));
            } catch (InterruptedException e) {
                // the reader is being stopped: read now, and let it see the interruption
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        motore.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        motore.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return motore.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return motore.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return motore.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return motore.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return motore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return motore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return motore.createTokenAt(dateTime);
    }
}
