package it.comuni.peg.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by this JVM and by the MariaDB it started (a child process), so each stage can say
 * where its time went: on a shared machine the wall clock alone mixes our work with everyone else's.
 */
final class TempoCpu {

    private static final double TICK_MS = 10.0; // USER_HZ = 100 on Linux

    private final long jvmNanos;
    private final double dbMs;

    private TempoCpu(long jvmNanos, double dbMs) {
        this.jvmNanos = jvmNanos;
        this.dbMs = dbMs;
    }

    static TempoCpu adesso() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        double db = ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .mapToDouble(TempoCpu::msDi).sum();
        return new TempoCpu(jvm, db);
    }

    /** CPU milliseconds of the JVM and of the database since {@code inizio}, per unit of work done. */
    static double[] perUnita(TempoCpu inizio, TempoCpu fine, long unita) {
        double n = Math.max(1, unita);
        return new double[]{Latenze.arrotonda((fine.jvmNanos - inizio.jvmNanos) / 1e6 / n),
                Latenze.arrotonda((fine.dbMs - inizio.dbMs) / n)};
    }

    private static double msDi(ProcessHandle p) {
        try {
            String[] campi = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"))
                    .replaceAll("^.*\\) ", "").split(" ");
            // after the command name: state is field 0, utime 11, stime 12
            return (Long.parseLong(campi[11]) + Long.parseLong(campi[12])) * TICK_MS;
        } catch (Exception e) {
            return 0;
        }
    }
}
