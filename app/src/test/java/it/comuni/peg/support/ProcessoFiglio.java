package it.comuni.peg.support;

import it.comuni.peg.platform.test.MariaDbDiTest;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An entry point of the application (the single process, the command side or the query side) in a
 * JVM of its own, on the test's classpath and database, in the time zone asked for: a real second
 * process, with its own pid, so its own Axon node name ({@code pid@host}), its own clock zone and its
 * own connections. Its output is appended to {@code log}.
 */
public final class ProcessoFiglio implements AutoCloseable {

    private final Process processo;

    private ProcessoFiglio(Process processo) {
        this.processo = processo;
    }

    /**
     * Starts {@code principale} against the database at {@code url}, serving HTTP on {@code porta}, with
     * the JVM's default time zone set to {@code fuso}; {@code argomenti} are further Spring arguments.
     */
    public static ProcessoFiglio avvia(Class<?> principale, String url, int porta, ZoneId fuso, Path log, List<String> argomenti)
            throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> comando = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=" + fuso.getId(), "-cp", classpath, principale.getName(),
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + MariaDbDiTest.utente(),
                "--spring.datasource.password=" + MariaDbDiTest.password(),
                "--server.port=" + porta));
        comando.addAll(argomenti);
        return avvia(comando, log);
    }

    /**
     * Starts the executable jar {@code jar} in a JVM of its own (at most 256 MB of heap, quick to start rather
     * than fast to run), with {@code argomenti} after {@code -jar}; its output is appended to {@code log}.
     */
    public static ProcessoFiglio avviaJar(Path jar, Path log, List<String> argomenti) throws IOException {
        List<String> comando = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toAbsolutePath().toString()));
        comando.addAll(argomenti);
        return avvia(comando, log);
    }

    /** A TCP port free on this machine now (the system's choice, released at once: whoever binds it first has it). */
    public static int portaLibera() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static ProcessoFiglio avvia(List<String> comando, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessoFiglio(new ProcessBuilder(comando).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toAbsolutePath().toString()))).start());
    }

    public Process processo() {
        return processo;
    }

    /** The name Axon's token store and the segment balancing know this process by: {@code pid@host}. */
    public String nodo() {
        String proprio = ManagementFactory.getRuntimeMXBean().getName();
        return processo.pid() + proprio.substring(proprio.indexOf('@'));
    }

    /** Freezes the process (SIGSTOP), as a long GC pause or a hung VM would: alive, holding what it holds, silent. */
    public void congela() throws IOException, InterruptedException {
        segnale("-STOP");
    }

    /** Lets a frozen process run again (SIGCONT). */
    public void scongela() throws IOException, InterruptedException {
        segnale("-CONT");
    }

    private void segnale(String segnale) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", segnale, Long.toString(processo.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill " + segnale + " " + processo.pid() + " non riuscito");
        }
    }

    /** Stops the process as an operator would (SIGTERM, graceful), and kills it if it has not ended in 30 s. */
    @Override
    public void close() throws InterruptedException {
        processo.destroy();
        if (!processo.waitFor(30, TimeUnit.SECONDS)) {
            processo.destroyForcibly();
            processo.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
