package it.comuni.peg.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What MariaDB did during a stage, per unit of work: its global status counters (statements by kind,
 * commits, rows and index reads, log fsyncs) and, when the server runs with
 * {@code --performance-schema=ON}, every statement shape (digest) with its count and the time the
 * server spent in it. The counters are the whole server's: during a stage nothing but the
 * application uses it.
 */
final class ContatoriDatabase {

    /** The counters worth reading per command: statements, transactions, rows, index work, durability. */
    private static final List<String> CONTATORI = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_delete", "Com_commit", "Com_rollback", "Com_set_option", "Com_show_status", "Handler_commit",
            "Handler_rollback", "Handler_read_key", "Handler_read_next", "Handler_read_prev", "Handler_read_first",
            "Handler_read_rnd_next", "Handler_write", "Handler_update", "Handler_delete", "Innodb_rows_read",
            "Innodb_rows_inserted", "Innodb_rows_updated", "Innodb_rows_deleted", "Innodb_os_log_fsyncs",
            "Innodb_data_fsyncs", "Bytes_received", "Bytes_sent");
    private static final int FORME = 25;

    private final Map<String, Long> stato;
    private final Map<String, long[]> forme;
    private final Map<String, String> testi;

    private ContatoriDatabase(Map<String, Long> stato, Map<String, long[]> forme, Map<String, String> testi) {
        this.stato = stato;
        this.forme = forme;
        this.testi = testi;
    }

    static ContatoriDatabase adesso(JdbcTemplate jdbc) {
        Map<String, Long> stato = new HashMap<>();
        jdbc.query("SHOW GLOBAL STATUS", rs -> {
            if (CONTATORI.contains(rs.getString(1))) {
                stato.put(rs.getString(1), rs.getLong(2));
            }
        });
        Map<String, long[]> forme = new HashMap<>();
        Map<String, String> testi = new HashMap<>();
        Integer ps = jdbc.queryForObject("SELECT @@performance_schema", Integer.class);
        if (ps != null && ps == 1) {
            jdbc.query("SELECT DIGEST, DIGEST_TEXT, COUNT_STAR, SUM_TIMER_WAIT, SUM_ROWS_EXAMINED"
                    + " FROM performance_schema.events_statements_summary_by_digest WHERE DIGEST IS NOT NULL", rs -> {
                forme.put(rs.getString(1), new long[]{rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                testi.put(rs.getString(1), rs.getString(2));
            });
        }
        return new ContatoriDatabase(stato, forme, testi);
    }

    /** Each counter's growth since {@code inizio}, per unit, in {@link #CONTATORI}'s order. */
    Map<String, Double> contatori(ContatoriDatabase inizio, long unita) {
        double n = Math.max(1, unita);
        Map<String, Double> perUnita = new LinkedHashMap<>();
        for (String c : CONTATORI) {
            if (stato.containsKey(c)) {
                perUnita.put(c, arrotonda((stato.get(c) - inizio.stato.getOrDefault(c, 0L)) / n));
            }
        }
        return perUnita;
    }

    /**
     * The statement shapes that took the server's time since {@code inizio}, the costliest first:
     * per unit, how many ran, the microseconds spent in them and the rows they examined. Empty
     * without the performance schema.
     */
    List<Map<String, Object>> forme(ContatoriDatabase inizio, long unita) {
        double n = Math.max(1, unita);
        return forme.entrySet().stream()
                .map(e -> {
                    long[] prima = inizio.forme.getOrDefault(e.getKey(), new long[3]);
                    long[] d = {e.getValue()[0] - prima[0], e.getValue()[1] - prima[1], e.getValue()[2] - prima[2]};
                    return Map.entry(e.getKey(), d);
                })
                .filter(e -> e.getValue()[0] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(FORME)
                .map(e -> {
                    Map<String, Object> forma = new LinkedHashMap<>();
                    String testo = testi.get(e.getKey());
                    forma.put("statement", testo == null ? e.getKey() : testo.length() > 160 ? testo.substring(0, 160) : testo);
                    forma.put("per_unit", arrotonda(e.getValue()[0] / n));
                    // the timer is in picoseconds
                    forma.put("us_per_unit", arrotonda(e.getValue()[1] / 1e6 / n));
                    forma.put("rows_examined_per_unit", arrotonda(e.getValue()[2] / n));
                    return forma;
                })
                .toList();
    }

    private static double arrotonda(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
