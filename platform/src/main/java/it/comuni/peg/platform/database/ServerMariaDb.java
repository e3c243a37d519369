package it.comuni.peg.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MariaDB on its own, for the split topology on one machine (several command-side
 * and query-side processes sharing one database) where no MariaDB server is installed:
 * {@code java -Dloader.main=it.comuni.peg.platform.database.ServerMariaDb -jar app.jar <cartella> <porta> [database]}.
 * Runs until the process is stopped; stops the database on the way out.
 */
public final class ServerMariaDb {

    private ServerMariaDb() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Uso: ServerMariaDb <cartella> <porta> [database]");
            System.exit(2);
        }
        Path cartella = Path.of(args[0]).toAbsolutePath();
        int porta = Integer.parseInt(args[1]);
        String database = args.length > 2 ? args[2] : "peg";
        MariaDbIncorporato db = MariaDbIncorporato.avvia(cartella, porta, "--innodb-flush-log-at-trx-commit=1");
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + porta + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + database.replaceAll("[^A-Za-z0-9_]", "")
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        CountDownLatch fine = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception ignored) {
                // going away anyway
            } finally {
                fine.countDown();
            }
        }));
        System.out.println("MariaDB pronto sulla porta " + porta + ", database " + database);
        fine.await();
    }
}
