package it.comuni.peg.guasti;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Samples the application's connection pool every 200 ms (HikariCP's own counters): how many
 * connections are in use, idle, and how many threads wait for one. Starvation shows as threads
 * waiting sample after sample; it must not outlast the fault.
 */
final class OsservatorePool implements AutoCloseable {

    /** One sample: when (epoch ms), connections in use, idle, and threads waiting for one. */
    record Campione(long istanteMs, int attive, int inattive, int inAttesa) {
    }

    private static final long PERIODO_MS = 200;

    private final HikariPoolMXBean pool;
    private final List<Campione> campioni = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean attivo = true;

    OsservatorePool(HikariDataSource dataSource) {
        this.pool = dataSource.getHikariPoolMXBean();
        thread = new Thread(this::campiona, "osservatore-pool");
        thread.setDaemon(true);
        thread.start();
    }

    private void campiona() {
        while (attivo) {
            campioni.add(adesso());
            try {
                Thread.sleep(PERIODO_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The pool as it is now. */
    Campione adesso() {
        return new Campione(System.currentTimeMillis(), pool.getActiveConnections(), pool.getIdleConnections(),
                pool.getThreadsAwaitingConnection());
    }

    /** The samples taken from {@code daMs} to {@code aMs} (epoch ms), in order. */
    List<Campione> tra(long daMs, long aMs) {
        synchronized (campioni) {
            return campioni.stream().filter(c -> c.istanteMs() >= daMs && c.istanteMs() <= aMs).toList();
        }
    }

    /** The most threads seen waiting for a connection from {@code daMs} to {@code aMs}. */
    int massimoInAttesa(long daMs, long aMs) {
        return tra(daMs, aMs).stream().mapToInt(Campione::inAttesa).max().orElse(0);
    }

    /**
     * The longest stretch (ms) from {@code daMs} to {@code aMs} in which every sample saw threads
     * waiting for a connection: a moment of contention is normal, a stretch is starvation.
     */
    long attesaContinuaPiuLungaMs(long daMs, long aMs) {
        long piuLunga = 0;
        Long inizio = null;
        for (Campione c : tra(daMs, aMs)) {
            if (c.inAttesa() > 0) {
                inizio = inizio == null ? c.istanteMs() : inizio;
                piuLunga = Math.max(piuLunga, c.istanteMs() - inizio + PERIODO_MS);
            } else {
                inizio = null;
            }
        }
        return piuLunga;
    }

    @Override
    public void close() throws InterruptedException {
        attivo = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
