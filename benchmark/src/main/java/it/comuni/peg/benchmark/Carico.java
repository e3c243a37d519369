package it.comuni.peg.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code concorrenza} clients, each sending its next request as soon as the
 * previous one is answered, for a fixed time. Every request's latency is kept, and the CPU the JVM and
 * MariaDB spent meanwhile.
 */
final class Carico {

    /** One request: true if it succeeded. {@code n} numbers the requests of the whole run. */
    interface Richiesta {
        boolean invia(long n) throws Exception;
    }

    private Carico() {
    }

    static EsitoLivello esegui(int concorrenza, Duration durata, AtomicLong progressivo, Richiesta richiesta)
            throws InterruptedException {
        long fine = System.nanoTime() + durata.toNanos();
        List<Thread> clienti = new ArrayList<>();
        long[] riusciti = new long[concorrenza];
        long[] falliti = new long[concorrenza];
        List<List<Long>> perCliente = new ArrayList<>();
        TempoCpu cpu0 = TempoCpu.adesso();
        long inizio = System.nanoTime();
        for (int c = 0; c < concorrenza; c++) {
            int cliente = c;
            List<Long> miei = new ArrayList<>();
            perCliente.add(miei);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < fine) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = richiesta.invia(progressivo.getAndIncrement());
                    } catch (Exception e) {
                        ok = false;
                    }
                    miei.add(System.nanoTime() - t0);
                    if (ok) {
                        riusciti[cliente]++;
                    } else {
                        falliti[cliente]++;
                    }
                }
            }, "banco-" + concorrenza + "-" + c);
            clienti.add(t);
            t.start();
        }
        for (Thread t : clienti) {
            t.join();
        }
        double secondi = (System.nanoTime() - inizio) / 1e9;
        TempoCpu cpu1 = TempoCpu.adesso();
        long[] tutti = perCliente.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
        long ok = 0;
        long ko = 0;
        for (int c = 0; c < concorrenza; c++) {
            ok += riusciti[c];
            ko += falliti[c];
        }
        return EsitoLivello.di(concorrenza, ok, ko, secondi, new Latenze(tutti), TempoCpu.perUnita(cpu0, cpu1, ok));
    }
}
