package it.comuni.peg.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This JVM's CPU split by what its threads do (Tomcat's request threads, the load's clients, each
 * projection's workers, the scheduler that runs the sealer, GC, the JIT compiler...), read from
 * {@code /proc/self/task/*}/stat: every native thread, GC and compiler threads included, which JFR's
 * execution samples do not see. A thread is known by its kernel name (the first 15 characters of the
 * Java name). What threads that ended during the interval spent is lost with them; the remainder
 * against the process's own CPU is reported as such.
 */
final class CpuPerGruppo {

    /** Thread name prefix (as the kernel keeps it) → group; the first that matches wins. */
    private static final List<Map.Entry<String, String>> GRUPPI = List.of(
            Map.entry("http-nio-", "tomcat"),
            Map.entry("banco-", "load clients"),
            Map.entry("HttpClient-", "load clients"),
            Map.entry("WorkPackage[sch", "projection scheda"),
            Map.entry("WorkPackage[sto", "projection storico"),
            Map.entry("Coordinator[", "projection coordinators"),
            Map.entry("EmbeddedEventSt", "event store reader (feeds the projections)"),
            Map.entry("scheduling-", "scheduler (sealer)"),
            Map.entry("GC Thread", "gc"),
            Map.entry("VM Thread", "gc"),
            Map.entry("C1 CompilerThre", "jit"),
            Map.entry("C2 CompilerThre", "jit"),
            Map.entry("HikariPool", "other"),
            Map.entry("JFR", "jfr"));

    private final Map<String, Long> perThread;
    private final long processo;

    private CpuPerGruppo(Map<String, Long> perThread, long processo) {
        this.perThread = perThread;
        this.processo = processo;
    }

    /** CPU ticks (10 ms) of every live thread of this process, and of the process. */
    static CpuPerGruppo adesso() {
        Map<String, Long> perThread = new HashMap<>();
        try (DirectoryStream<Path> task = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : task) {
                String[] stat = leggi(t.resolve("stat"));
                if (stat != null) {
                    perThread.put(t.getFileName() + " " + stat[0], Long.parseLong(stat[12]) + Long.parseLong(stat[13]));
                }
            }
        } catch (IOException e) {
            return new CpuPerGruppo(Map.of(), 0);
        }
        String[] processo = leggi(Path.of("/proc/self/stat"));
        return new CpuPerGruppo(perThread, processo == null ? 0 : Long.parseLong(processo[12]) + Long.parseLong(processo[13]));
    }

    /**
     * CPU milliseconds per unit of work since {@code inizio}, by group ("ended threads": what the
     * process spent beyond its live threads), largest first, with the process's total.
     */
    Map<String, Double> dal(CpuPerGruppo inizio, long unita) {
        double n = Math.max(1, unita);
        Map<String, Long> gruppi = new HashMap<>();
        long vivi = 0;
        for (Map.Entry<String, Long> t : perThread.entrySet()) {
            long delta = t.getValue() - inizio.perThread.getOrDefault(t.getKey(), 0L);
            gruppi.merge(gruppo(t.getKey().substring(t.getKey().indexOf(' ') + 1)), delta, Long::sum);
            vivi += delta;
        }
        gruppi.merge("ended threads", Math.max(0, processo - inizio.processo - vivi), Long::sum);
        Map<String, Double> perUnita = new LinkedHashMap<>();
        gruppi.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> perUnita.put(e.getKey(), arrotonda(e.getValue() * 10.0 / n)));
        perUnita.put("total", arrotonda((processo - inizio.processo) * 10.0 / n));
        return perUnita;
    }

    static String gruppo(String nome) {
        for (Map.Entry<String, String> g : GRUPPI) {
            if (nome.startsWith(g.getKey())) {
                return g.getValue();
            }
        }
        return "other";
    }

    /** The fields of a stat file after the command name: state is [0], utime [11], stime [12]; the name first. */
    private static String[] leggi(Path stat) {
        try {
            String riga = Files.readString(stat);
            int apre = riga.indexOf('(');
            int chiude = riga.lastIndexOf(')');
            String[] dopo = riga.substring(chiude + 2).split(" ");
            String[] campi = new String[dopo.length + 1];
            campi[0] = riga.substring(apre + 1, chiude);
            System.arraycopy(dopo, 0, campi, 1, dopo.length);
            return campi;
        } catch (IOException | RuntimeException e) {
            // a thread that ended between the listing and the read
            return null;
        }
    }

    private static double arrotonda(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
