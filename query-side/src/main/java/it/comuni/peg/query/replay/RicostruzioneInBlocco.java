package it.comuni.peg.query.replay;

import it.comuni.peg.platform.database.IstantiUtc;
import it.comuni.peg.query.proiezione.InBlocco;
import it.comuni.peg.query.proiezione.Righe;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fast path of a rebuild: the store read once, in one consistent snapshot, in (aggregate,
 * sequence) order through its unique index, so that each objective's whole stream arrives at once
 * and is folded in memory by the projections' own code ({@link InBlocco}), then written as plain
 * rows in JDBC batches by a writer thread on its own connection. Memory holds a few parcels of
 * objectives at a time, whatever the size of the store.
 * <p>
 * What was read is exactly the snapshot, so the token that stands for it is the snapshot's head with
 * every index missing below it still a gap (an insert not committed when the snapshot was taken is
 * then picked up by the processor, like any gap). Axon's processor would cost a unit of work per
 * event, a read of every objective's row per batch, and two reads of the store (one per
 * projection): measured by ops/benchmark.sh, it rebuilt at 1/10 of this speed.
 */
@Component
public class RicostruzioneInBlocco {

    private static final String LEGGI = "SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data"
            + " FROM domain_event_entry FORCE INDEX (uk_domain_event_aggregate_sequence)"
            + " WHERE global_index <= ? ORDER BY aggregate_identifier, sequence_number";
    /** Axon's JPA engine looks for gaps this far behind its token (its default maxGapOffset). */
    private static final int DISTANZA_MASSIMA_BUCHI = 10_000;
    /** Events per parcel handed to a worker: its rows are one commit. */
    private static final int EVENTI_PER_PACCO = 2_000;

    private final DataSource dataSource;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;

    public RicostruzioneInBlocco(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer,
                                org.axonframework.config.Configuration axon) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.axon = axon;
    }

    /**
     * Writes the rows of {@code proiezioni} (whose tables are empty) from every event in the store,
     * counting the events read in {@code letti}; returns the token standing for what was read.
     * This thread only reads: deserializing and folding run on one worker per core, writing on the
     * writer's thread; a worker that falls behind makes the reader fold the next parcel itself.
     */
    public TrackingToken esegui(Collection<InBlocco> proiezioni, AtomicLong letti) throws Exception {
        EventUpcaster upcaster = axon.upcasterChain();
        int piegatori = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor lavoratori = new ThreadPoolExecutor(piegatori, piegatori, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(piegatori), r -> {
                    Thread t = new Thread(r, "ricostruzione-piegatura");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        AtomicReference<Throwable> errore = new AtomicReference<>();
        try (Connection lettura = dataSource.getConnection(); Scrittore scrittore = new Scrittore(dataSource)) {
            lettura.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            lettura.setAutoCommit(false);
            long testa = testa(lettura);
            try (PreparedStatement ps = lettura.prepareStatement(LEGGI, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(2_000);
                ps.setLong(1, testa);
                try (ResultSet rs = ps.executeQuery()) {
                    List<List<EventoMemorizzato>> pacco = new ArrayList<>();
                    List<EventoMemorizzato> aggregato = new ArrayList<>();
                    int eventiNelPacco = 0;
                    while (rs.next()) {
                        String id = rs.getString(3);
                        if (!aggregato.isEmpty() && !aggregato.get(0).getAggregateIdentifier().equals(id)) {
                            pacco.add(aggregato);
                            aggregato = new ArrayList<>();
                            if (eventiNelPacco >= EVENTI_PER_PACCO) {
                                consegna(lavoratori, pacco, proiezioni, upcaster, scrittore, errore);
                                pacco = new ArrayList<>();
                                eventiNelPacco = 0;
                            }
                        }
                        aggregato.add(EventoMemorizzato.di(rs.getLong(1), rs.getString(5), id, rs.getLong(4), rs.getString(2),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)));
                        eventiNelPacco++;
                        letti.incrementAndGet();
                    }
                    if (!aggregato.isEmpty()) {
                        pacco.add(aggregato);
                    }
                    consegna(lavoratori, pacco, proiezioni, upcaster, scrittore, errore);
                }
            }
            TrackingToken token = token(lettura, testa);
            lettura.commit();
            lavoratori.shutdown();
            lavoratori.awaitTermination(1, TimeUnit.HOURS);
            fallito(errore);
            scrittore.termina();
            return token;
        } finally {
            lavoratori.shutdownNow();
        }
    }

    private void consegna(ThreadPoolExecutor lavoratori, List<List<EventoMemorizzato>> pacco, Collection<InBlocco> proiezioni,
                          EventUpcaster upcaster, Scrittore scrittore, AtomicReference<Throwable> errore) {
        fallito(errore);
        lavoratori.execute(() -> {
            try {
                Righe righe = new Righe();
                for (List<EventoMemorizzato> aggregato : pacco) {
                    piega(proiezioni, aggregato, upcaster, righe);
                }
                scrittore.scrivi(righe);
            } catch (Throwable e) {
                // a parcel not written must fail the whole rebuild, never leave its objectives out
                errore.compareAndSet(null, e);
            }
        });
    }

    private static void fallito(AtomicReference<Throwable> errore) {
        if (errore.get() != null) {
            throw new IllegalStateException("Ricostruzione in blocco fallita", errore.get());
        }
    }

    /** Folds one aggregate's stream into the rows of every projection. */
    private void piega(Collection<InBlocco> proiezioni, List<EventoMemorizzato> aggregato, EventUpcaster upcaster, Righe righe) {
        Map<Long, Long> posizioni = new HashMap<>();
        for (EventoMemorizzato e : aggregato) {
            posizioni.put(e.getSequenceNumber(), e.posizione());
        }
        List<InBlocco.Evento> eventi = new ArrayList<>(aggregato.size());
        DomainEventStream flusso = EventStreamUtils.upcastAndDeserializeDomainEvents(aggregato.stream(), serializer, upcaster);
        while (flusso.hasNext()) {
            DomainEventMessage<?> m = flusso.next();
            eventi.add(new InBlocco.Evento(posizioni.getOrDefault(m.getSequenceNumber(), 0L), m));
        }
        for (InBlocco p : proiezioni) {
            p.ricostruisci(eventi, righe);
        }
    }

    private static long testa(Connection c) throws SQLException {
        // the first read of the transaction: it fixes the snapshot every later read sees
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The head of the snapshot, with the indexes below it that the snapshot did not hold as gaps. */
    private static TrackingToken token(Connection c, long testa) throws SQLException {
        if (testa == 0) {
            return null;
        }
        long da = Math.max(0, testa - DISTANZA_MASSIMA_BUCHI);
        TreeSet<Long> buchi = new TreeSet<>();
        for (long i = da + 1; i < testa; i++) {
            buchi.add(i);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT global_index FROM domain_event_entry WHERE global_index > ? AND global_index <= ?")) {
            ps.setLong(1, da);
            ps.setLong(2, testa);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    buchi.remove(rs.getLong(1));
                }
            }
        }
        return GapAwareTrackingToken.newInstance(testa, buchi);
    }

    /** Writes batches of rows on its own connection and thread, committing each batch. */
    private static final class Scrittore implements AutoCloseable {

        private static final Righe FINE = new Righe();

        private final Connection connessione;
        private final Map<String, PreparedStatement> istruzioni = new HashMap<>();
        private final BlockingQueue<Righe> coda = new ArrayBlockingQueue<>(4);
        private final Thread thread;
        private volatile Throwable errore;

        Scrittore(DataSource dataSource) throws SQLException {
            connessione = dataSource.getConnection();
            connessione.setAutoCommit(false);
            thread = new Thread(this::esegui, "ricostruzione-scrittura");
            thread.setDaemon(true);
            thread.start();
        }

        void scrivi(Righe righe) throws InterruptedException {
            while (!coda.offer(righe, 100, TimeUnit.MILLISECONDS)) {
                controlla();
            }
            controlla();
        }

        /** Waits until every batch is committed. */
        void termina() throws Exception {
            scrivi(FINE);
            thread.join();
            controlla();
        }

        private void controlla() {
            if (errore != null) {
                throw new IllegalStateException("Scrittura della ricostruzione fallita", errore);
            }
        }

        private void esegui() {
            try {
                for (Righe righe = coda.take(); righe != FINE; righe = coda.take()) {
                    for (Map.Entry<String, List<Object[]>> e : righe.perIstruzione().entrySet()) {
                        PreparedStatement ps = istruzioni.get(e.getKey());
                        if (ps == null) {
                            ps = connessione.prepareStatement(e.getKey());
                            istruzioni.put(e.getKey(), ps);
                        }
                        for (Object[] riga : e.getValue()) {
                            for (int i = 0; i < riga.length; i++) {
                                imposta(ps, i + 1, riga[i]);
                            }
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    connessione.commit();
                }
            } catch (Throwable e) {
                // whatever it is, the reader must hear of it instead of waiting on a full queue
                errore = e;
            }
        }

        /**
         * Binds by type (the driver's setObject looks for a codec among all it has, a large share of
         * this thread's time); an Instant as Hibernate binds it, in UTC.
         */
        private static void imposta(PreparedStatement ps, int i, Object v) throws SQLException {
            if (v instanceof String t) {
                ps.setString(i, t);
            } else if (v instanceof Long l) {
                ps.setLong(i, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i, n);
            } else if (v instanceof Boolean b) {
                ps.setBoolean(i, b);
            } else if (v instanceof Instant t) {
                ps.setObject(i, IstantiUtc.colonna(t));
            } else {
                ps.setObject(i, v);
            }
        }

        @Override
        public void close() throws SQLException {
            thread.interrupt();
            for (PreparedStatement ps : istruzioni.values()) {
                ps.close();
            }
            connessione.rollback();
            connessione.close();
        }
    }
}
