package it.comuni.peg.archivio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The archive of a real event store, as {@link GeneraArchivioEventi} writes it and
 * {@code ArchivioEventiTest} reads it: one gzip-compressed JSON-lines file per table,
 * {@code <table>.jsonl.gz}, one JSON object per row, keys the column names, rows in primary-key order.
 * <p>
 * Values by column type: integers as JSON numbers; dates and times as MariaDB's own text
 * ({@code CAST(... AS CHAR)}, e.g. {@code 2023-01-27 08:30:00.000000}), so that no JDBC driver's
 * conversion (nor the JVM's time zone) sits between the table and the archive; other text as
 * strings; binary columns (the events' payload and metadata) as UTF-8 text under the column's
 * name when those bytes decode and re-encode to themselves, otherwise as base64 under
 * {@code <column>_base64}. SQL NULL is JSON null.
 */
final class FormatoArchivio {

    /** Where the archive lives in the sources, relative to the app module (Surefire's working directory). */
    static final Path CARTELLA = Path.of("src", "test", "resources", "archivio");
    /** The same folder on the test classpath. */
    static final String RISORSE = "/archivio/";
    static final String SUFFISSO_BASE64 = "_base64";

    /** The event store and its hash chain: restored as they are, byte for byte. */
    static final List<String> TABELLE_STORE = List.of("domain_event_entry", "snapshot_event_entry", "sigillo_evento");
    /** The projections' tables (V2, V3, V4 migrations): their rows after the archived year are expected back from a rebuild. */
    static final List<String> TABELLE_PROIEZIONI = List.of("scheda_obiettivo", "assegnazione_persona", "storico_obiettivo",
            "storico_voce");
    /**
     * The other tables of the schema, left out of the archive: token_entry, nodo_processore and
     * segmento_processore are the state of the processes that ran (a rebuild writes its own); dead_letter_entry, saga_entry and
     * association_value_entry must be empty (the generator checks); richiesta_idempotente holds HTTP
     * answers kept for clients' retries, not history; flyway_schema_history is the schema's own.
     */
    static final List<String> TABELLE_NON_ARCHIVIATE = List.of("token_entry", "nodo_processore", "segmento_processore", "dead_letter_entry",
            "saga_entry", "association_value_entry", "richiesta_idempotente", "flyway_schema_history");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INTERI = Set.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final Set<String> TEMPORALI = Set.of("date", "datetime", "timestamp", "time", "year");
    private static final String PACCHETTO_API = "it.comuni.peg.api";

    private FormatoArchivio() {
    }

    /** A column of a table in the current database: its name and MariaDB's DATA_TYPE (lower case). */
    record Colonna(String nome, String tipo) {

        boolean binaria() {
            return tipo.endsWith("blob") || tipo.endsWith("binary");
        }

        boolean intera() {
            return INTERI.contains(tipo);
        }

        boolean temporale() {
            return TEMPORALI.contains(tipo);
        }
    }

    /** The columns of {@code tabella} in the connected database, in table order. */
    static List<Colonna> colonne(JdbcTemplate jdbc, String tabella) {
        List<Colonna> colonne = jdbc.query("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
                (rs, i) -> new Colonna(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT)), tabella);
        if (colonne.isEmpty()) {
            throw new IllegalStateException("La tabella " + tabella + " non esiste nel database");
        }
        return colonne;
    }

    /** The primary-key columns of {@code tabella}, in key order. */
    static List<String> chiavePrimaria(JdbcTemplate jdbc, String tabella) {
        return jdbc.queryForList("SELECT LOWER(COLUMN_NAME) FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION", String.class, tabella);
    }

    /** The base tables of the connected database (sequences left out), lower case. */
    static SortedSet<String> tabelle(JdbcTemplate jdbc) {
        return new TreeSet<>(jdbc.queryForList("SELECT LOWER(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'BASE TABLE'", String.class));
    }

    /**
     * Every row of {@code tabella} in primary-key order, each value encoded as the archive stores it.
     * {@code soloColonne} (null: all) limits the columns read, so that a column added to a table after
     * the archive was written is not compared.
     */
    static List<Map<String, Object>> righe(JdbcTemplate jdbc, String tabella, Set<String> soloColonne) {
        List<Colonna> colonne = colonne(jdbc, tabella).stream()
                .filter(c -> soloColonne == null || soloColonne.contains(c.nome())).toList();
        if (soloColonne != null && colonne.size() != soloColonne.size()) {
            Set<String> mancanti = new TreeSet<>(soloColonne);
            colonne.forEach(c -> mancanti.remove(c.nome()));
            throw new AssertionError("La tabella " + tabella + " non ha più le colonne archiviate " + mancanti);
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < colonne.size(); i++) {
            Colonna c = colonne.get(i);
            select.append(i == 0 ? "" : ", ").append(c.temporale() ? "CAST(" + c.nome() + " AS CHAR)" : c.nome());
        }
        select.append(" FROM ").append(tabella).append(" ORDER BY ").append(String.join(", ", chiavePrimaria(jdbc, tabella)));
        return jdbc.query(select.toString(), (rs, n) -> riga(rs, colonne));
    }

    private static Map<String, Object> riga(ResultSet rs, List<Colonna> colonne) throws SQLException {
        Map<String, Object> riga = new LinkedHashMap<>();
        for (int i = 0; i < colonne.size(); i++) {
            Colonna c = colonne.get(i);
            if (c.binaria()) {
                byte[] valore = rs.getBytes(i + 1);
                if (valore == null || testoEsatto(valore)) {
                    riga.put(c.nome(), valore == null ? null : new String(valore, StandardCharsets.UTF_8));
                } else {
                    riga.put(c.nome() + SUFFISSO_BASE64, Base64.getEncoder().encodeToString(valore));
                }
            } else if (c.intera()) {
                long valore = rs.getLong(i + 1);
                riga.put(c.nome(), rs.wasNull() ? null : valore);
            } else {
                riga.put(c.nome(), rs.getString(i + 1));
            }
        }
        return riga;
    }

    /** Whether the bytes are UTF-8 that decodes and encodes back to exactly themselves. */
    static boolean testoEsatto(byte[] valore) {
        return Arrays.equals(new String(valore, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), valore);
    }

    /** The bytes of binary column {@code colonna} in an archived row (null for SQL NULL). */
    static byte[] byteDi(Map<String, Object> riga, String colonna) {
        Object base64 = riga.get(colonna + SUFFISSO_BASE64);
        if (base64 != null) {
            return Base64.getDecoder().decode((String) base64);
        }
        Object testo = riga.get(colonna);
        return testo == null ? null : ((String) testo).getBytes(StandardCharsets.UTF_8);
    }

    /** The column names of an archived row, with the base64 suffix taken off. */
    static Set<String> colonneDi(Map<String, Object> riga) {
        Set<String> nomi = new TreeSet<>();
        riga.keySet().forEach(k -> nomi.add(k.endsWith(SUFFISSO_BASE64) ? k.substring(0, k.length() - SUFFISSO_BASE64.length()) : k));
        return nomi;
    }

    /** Writes {@code righe} to {@code file} as gzip-compressed JSON lines. */
    static void scrivi(Path file, List<Map<String, Object>> righe) throws IOException {
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            for (Map<String, Object> riga : righe) {
                // Jackson escapes line breaks inside strings: one row, one line
                w.write(JSON.writeValueAsString(riga));
                w.write('\n');
            }
        }
    }

    /** Reads gzip-compressed JSON lines back, in file order. */
    static List<Map<String, Object>> leggi(InputStream in) throws IOException {
        List<Map<String, Object>> righe = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String linea;
            while ((linea = r.readLine()) != null) {
                if (!linea.isEmpty()) {
                    righe.add(JSON.readValue(linea, new TypeReference<LinkedHashMap<String, Object>>() { }));
                }
            }
        }
        return righe;
    }

    /**
     * Reads the archived table {@code tabella} from the test classpath.
     *
     * @throws AssertionError if the file is not there: a missing archive fails the test, never skips it
     */
    static List<Map<String, Object>> leggiRisorsa(String tabella) throws IOException {
        String nome = RISORSE + tabella + ".jsonl.gz";
        InputStream in = FormatoArchivio.class.getResourceAsStream(nome);
        if (in == null) {
            throw new AssertionError("Archivio degli eventi mancante: " + nome + " non è nel classpath dei test."
                    + " Va generato una volta dal codice che ha scritto gli eventi (vedi GeneraArchivioEventi), mai dal codice nuovo");
        }
        try (in) {
            return leggi(in);
        }
    }

    /** A long number from an archived JSON value (Jackson reads small ones as Integer). */
    static Long numero(Object valore) {
        return valore == null ? null : ((Number) valore).longValue();
    }

    /**
     * The event types that {@code shared-events} declares, by class name: the records of
     * {@code it.comuni.peg.api} that name the aggregate they belong to (a component {@code obiettivoId}
     * or {@code ciclo}) and are not commands (no {@link TargetAggregateIdentifier}). Value types name
     * no aggregate; commands all carry the annotation.
     */
    static SortedSet<String> tipiDiEventoDichiarati() {
        ClassPathScanningCandidateComponentProvider scansione = new ClassPathScanningCandidateComponentProvider(false);
        scansione.addIncludeFilter((lettore, fabbrica) -> true);
        SortedSet<String> tipi = new TreeSet<>();
        for (BeanDefinition definizione : scansione.findCandidateComponents(PACCHETTO_API)) {
            Class<?> classe;
            try {
                classe = Class.forName(definizione.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (classe.isRecord() && nominaAggregato(classe) && !comando(classe)) {
                tipi.add(classe.getName());
            }
        }
        return tipi;
    }

    private static boolean nominaAggregato(Class<?> classe) {
        return Arrays.stream(classe.getRecordComponents())
                .anyMatch(c -> c.getName().equals("obiettivoId") || c.getName().equals("ciclo"));
    }

    private static boolean comando(Class<?> classe) {
        for (RecordComponent c : classe.getRecordComponents()) {
            try {
                if (c.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)
                        || classe.getDeclaredField(c.getName()).isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    return true;
                }
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }
}
