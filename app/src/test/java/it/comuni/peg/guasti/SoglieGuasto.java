package it.comuni.peg.guasti;

import com.zaxxer.hikari.HikariDataSource;
import it.comuni.peg.platform.processori.Battiti;
import it.comuni.peg.platform.transazioni.LimiteTransazioni;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The application's own timeouts that a fault of the database must outlast to test what it means to
 * test, read from the running context (so a changed default moves the fault with it):
 * <ul>
 * <li>{@code attesaConnessione}: the pool's connection timeout (Hikari, 5 s): past it a request gets a
 *     503 instead of waiting;</li>
 * <li>{@code claimSegmenti}: how long a processor's claim on a segment lives unextended (Axon's token
 *     store, 10 s): past it the claims have lapsed and must be taken again;</li>
 * <li>{@code vitaNodo}: how long a process counts as alive after its last heartbeat
 *     ({@code peg.processori.vita-nodo}, 15 s): past it the segments' balancing has lost sight of it;</li>
 * <li>{@code durataTransazione} and {@code inattivitaTransazione}: the bounds on a transaction that
 *     appends events ({@link LimiteTransazioni}, 30 s each): past them any transaction open when the
 *     fault began is beyond its deadline once the database is back.</li>
 * </ul>
 * A database down must outlast all five; a slow one the first three (at 50 ms a packet no transaction
 * nears its bound, but requests may wait for connections, and claims and heartbeats must keep being
 * renewed through it). The suite's default length of each fault is the longest of its thresholds plus
 * {@link #MARGINE}; ops/guasti.sh runs them longer.
 */
record SoglieGuasto(Duration attesaConnessione, Duration claimSegmenti, Duration vitaNodo,
                    Duration durataTransazione, Duration inattivitaTransazione) {

    /** How far past its longest threshold a fault lasts by default. */
    static final Duration MARGINE = Duration.ofSeconds(2);

    /** The thresholds of the application running in {@code app}. */
    static SoglieGuasto di(ApplicationContext app) {
        LimiteTransazioni limite = app.getBean(LimiteTransazioni.class);
        return new SoglieGuasto(Duration.ofMillis(app.getBean(HikariDataSource.class).getConnectionTimeout()),
                app.getBean(TokenStoreProperties.class).getClaimTimeout(), app.getBean(Battiti.class).vitaNodo(),
                limite.durataMassima(), limite.inattivitaMassima());
    }

    /** What a database down must outlast, by name (in Italian, for the figures). */
    Map<String, Duration> delFermo() {
        Map<String, Duration> soglie = dellaLentezza();
        soglie.put("durata massima di una transazione", durataTransazione);
        soglie.put("inattività massima di una transazione", inattivitaTransazione);
        return soglie;
    }

    /** What a slow database must outlast, by name. */
    Map<String, Duration> dellaLentezza() {
        Map<String, Duration> soglie = new LinkedHashMap<>();
        soglie.put("attesa di una connessione dal pool", attesaConnessione);
        soglie.put("claim di un segmento", claimSegmenti);
        soglie.put("vita di un nodo senza battito", vitaNodo);
        return soglie;
    }

    /** The longest of {@code soglie} plus {@link #MARGINE}. */
    static Duration oltre(Map<String, Duration> soglie) {
        return soglie.values().stream().max(Duration::compareTo).orElse(Duration.ZERO).plus(MARGINE);
    }

    /** "name N ms, ..." for the figures. */
    static String descrizione(Map<String, Duration> soglie) {
        return soglie.entrySet().stream().map(s -> s.getKey() + " " + s.getValue().toMillis() + " ms")
                .collect(Collectors.joining(", "));
    }
}
