package it.comuni.peg.platform.test;

import it.comuni.peg.platform.database.MariaDbIncorporato;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MariaDB for integration tests: the server named by PEG_TEST_DB_URL (with
 * PEG_TEST_DB_USER and PEG_TEST_DB_PASSWORD) when set, otherwise one embedded MariaDB per test JVM
 * under target/. Every Spring context gets a fresh database of its own, so tests never see each
 * other's events.
 */
public final class MariaDbDiTest {

    private static final AtomicInteger PROGRESSIVO = new AtomicInteger();
    private static String urlServer;
    private static String utente;
    private static String password;
    private static MariaDbIncorporato incorporato;

    private MariaDbDiTest() {
    }

    /** Points the Spring context at a new, empty database on the test server. */
    public static void registra(DynamicPropertyRegistry registry) {
        String url = nuovoDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> utente);
        registry.add("spring.datasource.password", () -> password);
    }

    /** Creates an empty database and returns its JDBC url. */
    public static synchronized String nuovoDatabase() {
        avvia();
        String nome = "peg_test_" + ProcessHandle.current().pid() + "_" + PROGRESSIVO.incrementAndGet();
        try (Connection c = DriverManager.getConnection(urlServer, utente, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + nome);
            s.execute("CREATE DATABASE " + nome + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (Exception e) {
            throw new IllegalStateException("Impossibile creare il database di test " + nome, e);
        }
        return urlServer + nome;
    }

    public static String utente() {
        avvia();
        return utente;
    }

    public static String password() {
        avvia();
        return password;
    }

    private static synchronized void avvia() {
        if (urlServer != null) {
            return;
        }
        String esterno = System.getenv("PEG_TEST_DB_URL");
        if (esterno != null && !esterno.isBlank()) {
            urlServer = esterno.endsWith("/") ? esterno : esterno + "/";
            utente = System.getenv().getOrDefault("PEG_TEST_DB_USER", "root");
            password = System.getenv().getOrDefault("PEG_TEST_DB_PASSWORD", "");
            return;
        }
        try {
            // one server per test JVM: with parallel forks (peg.test.fork, Surefire's fork number) each has its own folder
            String fork = System.getProperty("peg.test.fork", "");
            Path cartella = Path.of("target", fork.isBlank() ? "mariadb-test" : "mariadb-test-" + fork).toAbsolutePath();
            Files.createDirectories(cartella);
            // durability is not what these tests measure: flush the log once a second
            MariaDbIncorporato db = MariaDbIncorporato.avvia(cartella, 0, "--innodb-flush-log-at-trx-commit=2",
                    // many cached Spring contexts, each with its own pool, share this server
                    "--max-connections=1000");
            incorporato = db;
            // a fallback only: FineSessioneDiTest stops it after the Spring contexts, when JUnit ends normally
            Runtime.getRuntime().addShutdownHook(new Thread(MariaDbDiTest::arresta));
            urlServer = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/";
            utente = "root";
            password = "";
        } catch (Exception e) {
            throw new IllegalStateException("Impossibile avviare il MariaDB di test", e);
        }
    }

    /**
     * Stops the embedded server, if this JVM started one; does nothing otherwise or the second time.
     * Called once every Spring context of the JVM is closed: stopped earlier, the contexts' own
     * shutdown (processors releasing their segments, the sealer, the pools) would wait on a database
     * that is gone, until Surefire kills the fork.
     */
    static synchronized void arresta() {
        if (incorporato == null) {
            return;
        }
        try {
            incorporato.stop();
        } catch (Exception ignored) {
            // the JVM is going away anyway
        }
        incorporato = null;
    }
}
