package it.comuni.peg.platform.axon;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JPA event storage engine, whose reads of the global stream (what feeds the projections)
 * start at least {@code intervallo} apart and end at the first batch that is not full; the rest
 * (appending, an objective's stream, tokens) is Axon's own.
 * <p>
 * Why: Axon's {@code EmbeddedEventStore} wakes its reader after every commit of this process and
 * reads again at once as long as the last read found something, and each read goes on until a query
 * finds nothing. Under a stream of single commands that made one read per command, each of two
 * queries in a transaction of its own (four statements each), bringing one event to the projections,
 * which then handled it in a batch and a transaction of their own: measured by the benchmark at 1.16
 * such queries per command, a third of the statements MariaDB ran for a command. Started
 * {@code intervallo} apart, a read brings every event committed meanwhile and the projections handle
 * them in one batch; a batch that is not full is the last there is, so the read ends there instead
 * of asking again (the reader's next read comes soon enough). A full batch is still followed by the
 * next one without waiting, so a processor catching up is not slowed, and an idle store is read as
 * before (after a commit of this process, or every second). The cost is a projection that may trail
 * a command by up to {@code intervallo} more.
 */
public final class LettureDistanziate extends JpaEventStorageEngine {

    private final long intervalloNanos;
    private long prossimaLettura = Long.MIN_VALUE;

    /**
     * @param motore     the engine as Axon's builder configures it
     * @param intervallo the least time between the starts of two reads of the global stream (positive)
     */
    public LettureDistanziate(JpaEventStorageEngine.Builder motore, Duration intervallo) {
        super(motore);
        if (intervallo.isNegative() || intervallo.isZero()) {
            throw new IllegalArgumentException("L'intervallo tra le letture deve essere positivo: " + intervallo);
        }
        this.intervalloNanos = intervallo.toNanos();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        attendiTurno();
        return super.readEvents(trackingToken, mayBlock);
    }

    /** The events after {@code trackingToken}, batch after batch, up to the first batch that is not full. */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return StreamSupport.stream(new FinoAlLottoIncompleto(trackingToken), false);
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

    private final class FinoAlLottoIncompleto extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken ultimo;
        private Iterator<? extends TrackedEventData<?>> lotto = Collections.emptyIterator();
        private boolean ultimoLotto;

        private FinoAlLottoIncompleto(TrackingToken da) {
            super(Long.MAX_VALUE, Spliterator.NONNULL | Spliterator.ORDERED | Spliterator.DISTINCT);
            this.ultimo = da;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> azione) {
            while (!lotto.hasNext()) {
                if (ultimoLotto) {
                    return false;
                }
                List<? extends TrackedEventData<?>> letti = fetchTrackedEvents(ultimo, batchSize());
                ultimoLotto = letti.size() < batchSize();
                lotto = letti.iterator();
            }
            TrackedEventData<?> evento = lotto.next();
            ultimo = evento.trackingToken();
            azione.accept(evento);
            return true;
        }
    }
}
