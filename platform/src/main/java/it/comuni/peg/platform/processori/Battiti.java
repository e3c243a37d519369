package it.comuni.peg.platform.processori;

import it.comuni.peg.platform.database.IstantiUtc;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The heartbeat of the processes that run each event processor, in {@code nodo_processore}: each one
 * says when it last ran the processor, and the ones seen within {@code peg.processori.vita-nodo} (15 s)
 * are alive. Times are written and compared in UTC ({@link IstantiUtc}): a process in another JVM time
 * zone must not look dead (or alive for ever) to the others.
 */
@Component
public class Battiti {

    /**
     * This process as Axon's JPA token store names it (its default node id, {@code pid@host}): the owner
     * of the segments this process claims in {@code token_entry}.
     */
    public static final String NODO = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration vitaNodo;

    public Battiti(JdbcTemplate jdbc, Clock clock, @Value("${peg.processori.vita-nodo:PT15S}") Duration vitaNodo) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.vitaNodo = vitaNodo;
    }

    /** How long a process counts as alive after its last heartbeat. */
    public Duration vitaNodo() {
        return vitaNodo;
    }

    /** Records that this process runs {@code processore} now. */
    public void batti(String processore) {
        LocalDateTime adesso = IstantiUtc.colonna(clock.instant());
        int aggiornati = jdbc.update("UPDATE nodo_processore SET visto_il = ? WHERE processore = ? AND nodo = ?", adesso, processore, NODO);
        if (aggiornati == 0) {
            jdbc.update("INSERT INTO nodo_processore (processore, nodo, visto_il) VALUES (?, ?, ?)", processore, NODO, adesso);
        }
    }

    /** The processes (by node name, sorted) whose heartbeat for {@code processore} is within the node lifetime. */
    public List<String> vivi(String processore) {
        Instant soglia = clock.instant().minus(vitaNodo);
        return jdbc.queryForList("SELECT nodo FROM nodo_processore WHERE processore = ? AND visto_il > ? ORDER BY nodo",
                String.class, processore, IstantiUtc.colonna(soglia));
    }
}
