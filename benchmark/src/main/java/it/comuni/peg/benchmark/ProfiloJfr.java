package it.comuni.peg.benchmark;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JFR recording of one stage (Java Flight Recorder's "profile" settings: a stack sample of
 * running Java threads every 10 ms), and where its samples fall:
 * <ul>
 *   <li>on Tomcat's request threads, by step of the request ({@link #PASSI}: the innermost step a
 *   sample's stack is in, e.g. the event's append inside the unit of work's commit inside the
 *   controller), turned into milliseconds per unit of work with the CPU those threads spent;</li>
 *   <li>on every thread group ({@link CpuPerGruppo}), by library: the first frame from the top of
 *   the stack that is not the JDK's own (JDK code counts for whoever called it).</li>
 * </ul>
 * Stacks deeper than JFR's default depth (64 frames, less than a Spring request) lose their outer
 * steps: start the JVM with {@code -XX:FlightRecorderOptions:stackdepth=1024}; the share of
 * truncated stacks is reported.
 */
final class ProfiloJfr {

    /**
     * The steps of a request, matched against "class#method" of each frame from the top of the stack;
     * the first frame that matches any of them decides, so a sample counts for the innermost step it
     * is in. Steps that wrap others (an interceptor that proceeds down the chain, a filter that calls
     * the next) are named by their entry method alone or by the methods of their own work, never by a
     * whole package, so that whatever runs nested inside them meets its own step first. A sample in no
     * step is Tomcat's own work (HTTP parsing, NIO).
     */
    private static final List<Map.Entry<Pattern, String>> PASSI = List.of(
            passo("^org\\.axonframework\\.eventsourcing\\.eventstore\\..*#appendEvents$", "append the event (serialize, JPA insert)"),
            passo("^org\\.springframework\\.orm\\.jpa\\.JpaTransactionManager#doCommit$", "transaction commit"),
            passo("^org\\.springframework\\.orm\\.jpa\\.JpaTransactionManager#doBegin$", "transaction begin (connection, JPA)"),
            passo("^org\\.springframework\\.orm\\.jpa\\.JpaTransactionManager#doCleanupAfterCompletion$", "transaction cleanup (connection back)"),
            passo("^org\\.springframework\\.transaction\\.support\\.AbstractPlatformTransactionManager#", "transaction manager (other)"),
            passo("^it\\.comuni\\.peg\\.command\\.concorrenza\\.CacheObiettivi#verifica$", "cache check (last sequence number query)"),
            passo("^org\\.axonframework\\.modelling\\.command\\.AbstractRepository#(load|newInstance)$", "aggregate load (cache or stream)"),
            passo("^org\\.axonframework\\.common\\.lock\\.", "aggregate lock"),
            passo("^it\\.comuni\\.peg\\.command\\.obiettivo\\.Obiettivo#handle$", "command handler (rules, apply)"),
            passo("^it\\.comuni\\.peg\\.command\\.metadati\\.VersioneAttesaDaMetadati#resolveTarget$", "target resolution"),
            passo("^it\\.comuni\\.peg\\.command\\.metriche\\.MetricheComandi#(timer|contaFattiDiDominio|motivo|lambda.*)$", "command metrics (ours)"),
            passo("^org\\.axonframework\\.(micrometer|monitoring)\\.", "Axon's metrics (message monitors)"),
            passo("^it\\.comuni\\.peg\\.command\\.metadati\\.IdentitaSuiComandi", "identity on the command"),
            passo("^it\\.comuni\\.peg\\.command\\.idempotenza\\.(RisposteIdempotenti|IdempotenzaInterceptor#(rivendica|ripeti))", "idempotency"),
            passo("^org\\.axonframework\\.messaging\\.correlation\\.", "correlation data (metadata on the event)"),
            passo("^org\\.axonframework\\.commandhandling\\.SimpleCommandBus#handle$", "Axon unit of work, interceptors (other)"),
            passo("^org\\.axonframework\\.commandhandling\\.(gateway\\.|SimpleCommandBus#)", "Axon dispatch (gateway, bus)"),
            passo("^it\\.comuni\\.peg\\.command\\.(web\\.ObiettiviCommandController|idempotenza\\.InvioIdempotente)#", "controller"),
            passo("^it\\.comuni\\.peg\\.benchmark\\.ComandoVuoto#", "controller"),
            passo("#readWithMessageConverters$", "read the JSON body"),
            passo("#validateIfApplicable$", "validate the body"),
            passo("#(handleReturnValue|writeWithMessageConverters)$", "write the JSON answer"),
            passo("^org\\.springframework\\.web\\.method\\.support\\.InvocableHandlerMethod#getMethodArgumentValues$", "path variables, headers"),
            passo("^org\\.springframework\\.security\\.oauth2\\.server\\.resource\\.authentication\\.JwtAuthenticationProvider#authenticate$", "JWT authentication (decode, verify, convert)"),
            passo("^org\\.springframework\\.security\\.web\\.FilterChainProxy", "security filter chain (other)"),
            passo("^org\\.springframework\\.security\\..*#doFilter(Internal)?$", "security filter chain (other)"),
            passo("^org\\.springframework\\.web\\.servlet\\.DispatcherServlet#doDispatch$", "MVC dispatch (handler lookup, other)"),
            passo("^org\\.springframework\\.web\\.filter\\.ServerHttpObservationFilter#doFilterInternal$", "http.server.requests observation"),
            passo("^it\\.comuni\\.peg\\..*#doFilter(Internal)?$", "PEG filters (request id, body limit, database, idempotency key)"),
            passo("^org\\.springframework\\..*#doFilter(Internal)?$", "Spring filters (other)"));

    /** Libraries by package, for the first frame from the top that is not the JDK's. */
    private static final List<Map.Entry<String, String>> LIBRERIE = List.of(
            Map.entry("com.nimbusds.", "JWT (Nimbus)"),
            Map.entry("org.springframework.security.oauth2.", "JWT (Spring Security OAuth2)"),
            Map.entry("org.springframework.security.", "Spring Security"),
            Map.entry("org.mariadb.jdbc.", "MariaDB driver"),
            Map.entry("com.zaxxer.hikari.", "Hikari"),
            Map.entry("org.hibernate.validator.", "Bean Validation"),
            Map.entry("jakarta.validation.", "Bean Validation"),
            Map.entry("org.hibernate.", "Hibernate"),
            Map.entry("tools.jackson.", "Jackson 3 (HTTP JSON)"),
            Map.entry("com.fasterxml.jackson.", "Jackson 2 (Axon serializer)"),
            Map.entry("io.micrometer.", "Micrometer"),
            Map.entry("org.axonframework.", "Axon"),
            Map.entry("it.comuni.peg.benchmark.", "benchmark (load, floor)"),
            Map.entry("it.comuni.peg.", "PEG"),
            Map.entry("org.springframework.web.", "Spring MVC"),
            Map.entry("org.springframework.http.", "Spring MVC"),
            Map.entry("org.springframework.transaction.", "Spring tx, ORM, JDBC"),
            Map.entry("org.springframework.orm.", "Spring tx, ORM, JDBC"),
            Map.entry("org.springframework.jdbc.", "Spring tx, ORM, JDBC"),
            Map.entry("org.springframework.", "Spring (other)"),
            Map.entry("org.apache.", "Tomcat"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("jdk.internal.net.http.", "JDK HttpClient"));

    private final Recording registrazione;
    private final Path file;

    private ProfiloJfr(Recording registrazione, Path file) {
        this.registrazione = registrazione;
        this.file = file;
    }

    private static Map.Entry<Pattern, String> passo(String regola, String nome) {
        return Map.entry(Pattern.compile(regola), nome);
    }

    /** Starts recording into {@code file}. */
    static ProfiloJfr avvia(Path file) throws IOException, ParseException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.setToDisk(true);
        r.setDestination(file);
        r.start();
        return new ProfiloJfr(r, file);
    }

    /**
     * Stops the recording (the file stays for {@code jfr print} or JMC) and reads where its samples
     * fell; {@code tomcatMsPerUnita} (the CPU of Tomcat's threads per unit of work) turns the
     * steps' shares into milliseconds.
     */
    Map<String, Object> ferma(double tomcatMsPerUnita) throws IOException {
        registrazione.stop();
        registrazione.close();
        Map<String, Long> passi = new HashMap<>();
        Map<String, Map<String, Long>> librerie = new HashMap<>();
        long campioni = 0;
        long troncati = 0;
        long richiesta = 0;
        try (RecordingFile jfr = new RecordingFile(file)) {
            while (jfr.hasMoreEvents()) {
                RecordedEvent e = jfr.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                campioni++;
                if (e.getStackTrace().isTruncated()) {
                    troncati++;
                }
                String thread = e.getThread("sampledThread") == null ? "" : e.getThread("sampledThread").getJavaName();
                String gruppo = CpuPerGruppo.gruppo(thread == null ? "" : thread);
                List<RecordedFrame> frame = e.getStackTrace().getFrames();
                librerie.computeIfAbsent(gruppo, g -> new HashMap<>()).merge(libreria(frame), 1L, Long::sum);
                if (gruppo.equals("tomcat")) {
                    richiesta++;
                    passi.merge(passo(frame), 1L, Long::sum);
                }
            }
        }
        Map<String, Object> esito = new LinkedHashMap<>();
        esito.put("file", file.toString());
        esito.put("samples", campioni);
        esito.put("truncated_stacks", troncati);
        Map<String, Object> perPasso = new LinkedHashMap<>();
        long tomcat = richiesta;
        passi.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(p -> perPasso.put(p.getKey(),
                Map.of("share_pct", arrotonda(100.0 * p.getValue() / tomcat), "ms_per_unit", arrotonda(tomcatMsPerUnita * p.getValue() / tomcat))));
        esito.put("tomcat_steps", perPasso);
        Map<String, Object> perGruppo = new LinkedHashMap<>();
        librerie.entrySet().stream().sorted((a, b) -> Long.compare(totale(b.getValue()), totale(a.getValue()))).forEach(g -> {
            long n = totale(g.getValue());
            Map<String, Object> quote = new LinkedHashMap<>();
            quote.put("samples", n);
            g.getValue().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(l -> quote.put(l.getKey(), arrotonda(100.0 * l.getValue() / n)));
            perGruppo.put(g.getKey(), quote);
        });
        esito.put("libraries_pct_by_thread_group", perGruppo);
        return esito;
    }

    private static String passo(List<RecordedFrame> frame) {
        for (RecordedFrame f : frame) {
            if (f.getMethod() == null || f.getMethod().getType() == null) {
                continue;
            }
            String nome = f.getMethod().getType().getName() + "#" + f.getMethod().getName();
            for (Map.Entry<Pattern, String> p : PASSI) {
                if (p.getKey().matcher(nome).find()) {
                    return p.getValue();
                }
            }
        }
        return "Tomcat (HTTP, NIO, other)";
    }

    private static String libreria(List<RecordedFrame> frame) {
        for (RecordedFrame f : frame) {
            if (f.getMethod() == null || f.getMethod().getType() == null) {
                continue;
            }
            String classe = f.getMethod().getType().getName();
            for (Map.Entry<String, String> l : LIBRERIE) {
                if (classe.startsWith(l.getKey())) {
                    return l.getValue();
                }
            }
        }
        return "JDK only";
    }

    private static long totale(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double arrotonda(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
