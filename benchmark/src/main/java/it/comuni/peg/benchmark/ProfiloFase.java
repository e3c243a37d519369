package it.comuni.peg.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one stage's work went, per unit (per command, per floor request), for results.json: the JVM's
 * CPU by thread group ({@link CpuPerGruppo}), MariaDB's counters and statement shapes
 * ({@link ContatoriDatabase}) and, when asked for, a JFR recording with its samples by step and by
 * library ({@link ProfiloJfr}).
 */
final class ProfiloFase {

    private final JdbcTemplate jdbc;
    private final CpuPerGruppo cpu;
    private final ContatoriDatabase database;
    private final ProfiloJfr jfr;

    private ProfiloFase(JdbcTemplate jdbc, CpuPerGruppo cpu, ContatoriDatabase database, ProfiloJfr jfr) {
        this.jdbc = jdbc;
        this.cpu = cpu;
        this.database = database;
        this.jfr = jfr;
    }

    /** From now on; {@code fileJfr} null: no recording. */
    static ProfiloFase inizia(JdbcTemplate jdbc, Path fileJfr) throws Exception {
        ProfiloJfr jfr = fileJfr == null ? null : ProfiloJfr.avvia(fileJfr);
        return new ProfiloFase(jdbc, CpuPerGruppo.adesso(), ContatoriDatabase.adesso(jdbc), jfr);
    }

    /** What was spent since {@link #inizia}, per each of {@code unita} units of work. */
    Map<String, Object> termina(long unita) throws Exception {
        Map<String, Double> perGruppo = CpuPerGruppo.adesso().dal(cpu, unita);
        ContatoriDatabase fine = ContatoriDatabase.adesso(jdbc);
        Map<String, Object> profilo = new LinkedHashMap<>();
        profilo.put("units", unita);
        profilo.put("jvm_cpu_ms_by_thread_group", perGruppo);
        profilo.put("db_counters_per_unit", fine.contatori(database, unita));
        profilo.put("db_statements_per_unit", fine.forme(database, unita));
        if (jfr != null) {
            profilo.put("jfr", jfr.ferma(perGruppo.getOrDefault("tomcat", 0.0)));
        }
        return profilo;
    }
}
