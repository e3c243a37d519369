package it.comuni.peg.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database itself can do, measured in the same run on the same MariaDB: plain JDBC
 * inserts into a scratch table shaped like domain_event_entry (same columns, keys and indexes),
 * with rows as big as the store's. One row per transaction is the reference for a command (which
 * appends one event in one transaction); batches are the reference for a rebuild.
 */
final class RiferimentiJdbc implements AutoCloseable {

    private static final String TABELLA = "banco_grezzo";
    private static final String INSERISCI = "INSERT INTO " + TABELLA + " (global_index, event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " VALUES (?, ?, ?, ?, 'Obiettivo', ?, 'it.comuni.peg.api.consuntivo.ConsuntivoRegistrato', NULL, ?, ?)";

    private final DataSource dataSource;
    private final byte[] payload;
    private final byte[] metadati;
    private final AtomicLong indice = new AtomicLong();

    RiferimentiJdbc(DataSource dataSource, byte[] payload, byte[] metadati) throws SQLException {
        this.dataSource = dataSource;
        this.payload = payload;
        this.metadati = metadati;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABELLA);
            s.execute("CREATE TABLE " + TABELLA + " LIKE domain_event_entry");
        }
    }

    /** Single-row insert transactions (autocommit), {@code concorrenza} connections at once. */
    EsitoLivello inserimentiSingoli(int concorrenza, Duration durata) throws Exception {
        List<Connection> connessioni = new ArrayList<>();
        List<PreparedStatement> istruzioni = new ArrayList<>();
        try {
            for (int i = 0; i < concorrenza; i++) {
                Connection c = dataSource.getConnection();
                c.setAutoCommit(true);
                connessioni.add(c);
                istruzioni.add(c.prepareStatement(INSERISCI));
            }
            ThreadLocal<PreparedStatement> mia = new ThreadLocal<>();
            AtomicLong assegnate = new AtomicLong();
            return Carico.esegui(concorrenza, durata, new AtomicLong(), n -> {
                PreparedStatement ps = mia.get();
                if (ps == null) {
                    ps = istruzioni.get((int) assegnate.getAndIncrement());
                    mia.set(ps);
                }
                riga(ps, indice.incrementAndGet());
                return ps.executeUpdate() == 1;
            });
        } finally {
            for (Connection c : connessioni) {
                c.close();
            }
        }
    }

    /** Rows per second in batches of 1,000, one commit per batch, one connection. */
    double inserimentiInBatch(int righe) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERISCI)) {
            c.setAutoCommit(false);
            long inizio = System.nanoTime();
            for (int i = 1; i <= righe; i++) {
                riga(ps, indice.incrementAndGet());
                ps.addBatch();
                if (i % 1000 == 0 || i == righe) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            double secondi = (System.nanoTime() - inizio) / 1e9;
            c.setAutoCommit(true);
            return Latenze.arrotonda(righe / secondi);
        }
    }

    private void riga(PreparedStatement ps, long n) throws SQLException {
        ThreadLocalRandom caso = ThreadLocalRandom.current();
        ps.setLong(1, n);
        ps.setString(2, new UUID(caso.nextLong(), caso.nextLong()).toString());
        // a few dozen events per aggregate, as in the store
        ps.setString(3, new UUID(n / 50, 42).toString());
        ps.setLong(4, n % 50);
        ps.setString(5, java.time.Instant.now().toString());
        ps.setBytes(6, payload);
        ps.setBytes(7, metadati);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABELLA);
        }
    }
}
