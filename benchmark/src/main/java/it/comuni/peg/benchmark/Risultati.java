package it.comuni.peg.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of a run, in the order they are printed and written to results.json. */
public final class Risultati {

    /**
     * The keys every results.json has, first and in this order: issue 7's, with the floor of the HTTP
     * stack beside the commands (throughput and p99 chosen by the same rule as the commands'; CPU in
     * ms per request, JVM + MariaDB, both at the same level, and their ratio).
     */
    public static final List<String> CHIAVI = List.of("events_in_store", "command_per_s", "command_p99_ms",
            "raw_single_insert_per_s", "command_ratio", "floor_per_s", "floor_p99_ms", "command_cpu_ms", "floor_cpu_ms",
            "command_cpu_ms_over_floor", "replay_events_per_s", "raw_batch_insert_rows_per_s",
            "replay_ratio", "asof_p50_ms", "asof_p99_ms");

    private final Map<String, Object> valori = new LinkedHashMap<>();

    void metti(String chiave, Object valore) {
        valori.put(chiave, valore);
    }

    public Map<String, Object> valori() {
        return valori;
    }

    public Path scrivi(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), valori);
        return file;
    }

    /** The headline figures as a table, then every level of the loads. */
    public String tabella() {
        StringBuilder t = new StringBuilder();
        t.append(String.format("%-30s %s%n", "metric", "value"));
        t.append("-".repeat(46)).append('\n');
        for (Map.Entry<String, Object> e : valori.entrySet()) {
            if (!(e.getValue() instanceof List<?>) && !(e.getValue() instanceof Map<?, ?>)) {
                t.append(String.format("%-30s %s%n", e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, Object> e : valori.entrySet()) {
            if (e.getValue() instanceof List<?> righe) {
                t.append('\n').append(e.getKey()).append('\n');
                righe.forEach(r -> t.append("  ").append(r).append('\n'));
            } else if (e.getValue() instanceof Map<?, ?> mappa) {
                t.append('\n').append(e.getKey()).append('\n');
                mappa.forEach((k, v) -> t.append(String.format("  %-26s %s%n", k, v)));
            }
        }
        return t.toString();
    }
}
