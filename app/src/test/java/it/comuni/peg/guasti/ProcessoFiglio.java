package it.comuni.peg.guasti;

import it.comuni.peg.platform.test.MariaDbDiTest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole application in a child JVM, on the test's classpath, against a test database: a process
 * the test can really kill ({@code kill -9}) or freeze ({@code kill -STOP}). Its output goes to
 * {@code log}, appended.
 */
final class ProcessoFiglio {

    private ProcessoFiglio() {
    }

    /** Starts {@code principale}'s main with the test profile, the database at {@code url} and the HTTP port, plus {@code altri}. */
    static Process avvia(Class<?> principale, String url, int porta, Path log, String... altri) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> comando = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                principale.getName(),
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + MariaDbDiTest.utente(),
                "--spring.datasource.password=" + MariaDbDiTest.password(),
                "--server.port=" + porta));
        comando.addAll(List.of(altri));
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(comando).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString()))).start();
    }

    /** Sends a signal by name (STOP, CONT) with the system's kill, and checks it was delivered. */
    static void segnale(Process processo, String segnale) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + segnale, Long.toString(processo.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + segnale + " " + processo.pid() + " non riuscito");
        }
    }

    /** Ends the process: politely, then by force after 30 s. */
    static void termina(Process processo) throws InterruptedException {
        if (processo == null) {
            return;
        }
        processo.destroy();
        if (!processo.waitFor(30, TimeUnit.SECONDS)) {
            processo.destroyForcibly();
        }
    }
}
