package it.comuni.peg.platform.processori;

import it.comuni.peg.platform.errori.Radice;
import it.comuni.peg.platform.processori.StatoSegmento.EventoInAttesa;
import it.comuni.peg.platform.processori.TokenCondivisi.SegmentoNelloStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether each segment of an event processor advances, told the same by every node: positions come from
 * the shared token store, and what memory cannot share across nodes (since when a segment has stood still
 * while events waited, its last error) is kept in segmento_processore.
 * <p>
 * A segment waits when the head of the store is beyond its position: Axon moves every segment's token past
 * the events of the other segments too (within its claim-extension interval, 5 s), so a segment that stays
 * behind the head is one that does not advance. Each reading records what it sees: a position that moved
 * (the time of the advance, and the stall starts again if events still wait), a wait that begins, a wait
 * that ends. Every node that runs the processor reads at least every {@code peg.processori.sorveglianza}
 * ({@link SorveglianzaPeriodica}), so the stall is measured even while no node holds the segment; the
 * updates are conditional on the position last recorded, so nodes that read together agree. The node that
 * holds a segment records the errors of its batches ({@link #sorvegliato}). Times are each writer's clock,
 * in UTC: nodes whose clocks differ by seconds measure a two-minute stall well enough.
 */
@Component
public class SorveglianzaSegmenti {

    private static final Logger LOG = LoggerFactory.getLogger(SorveglianzaSegmenti.class);
    /** The width of segmento_processore.errore. */
    private static final int LUNGHEZZA_ERRORE = 1000;
    /** Events read per query, and at most how many queries, looking for a stalled segment's first event. */
    private static final int RIGHE_PER_PAGINA = 200;
    private static final int PAGINE = 10;

    private final TokenCondivisi token;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration stalloMassimo;
    private final String nodo = ManagementFactory.getRuntimeMXBean().getName();

    public SorveglianzaSegmenti(TokenCondivisi token, JdbcTemplate jdbc, Clock clock,
                                @Value("${peg.processori.stallo-massimo:PT2M}") Duration stalloMassimo) {
        this.token = token;
        this.jdbc = jdbc;
        this.clock = clock;
        this.stalloMassimo = stalloMassimo;
    }

    /** How long a segment may stand still while events wait before it counts as stuck (readiness DOWN). */
    public Duration stalloMassimo() {
        return stalloMassimo;
    }

    /**
     * Reads and records where each segment of {@code processore} stands, in segment order (empty before its
     * first start). With {@code dettagli}, a stalled segment also says which event it has not passed and
     * why: one or more queries of the event store each, so the metrics, read every scrape, go without.
     *
     * @throws DataAccessException when the database cannot be read
     */
    public List<StatoSegmento> stati(String processore, boolean dettagli) {
        // the head first: a position read afterwards that is still below it has an event really waiting
        long testa = token.testa();
        List<SegmentoNelloStore> segmenti = token.segmenti(processore);
        Map<Integer, Registrato> registrati = registrati(processore);
        Instant adesso = clock.instant();
        int[] ids = segmenti.stream().mapToInt(SegmentoNelloStore::segmento).toArray();
        List<StatoSegmento> stati = new ArrayList<>(segmenti.size());
        for (SegmentoNelloStore s : segmenti) {
            boolean attesa = s.posizione() == null ? testa >= 0 : testa > s.posizione();
            Registrato r = registra(processore, s, attesa, registrati.get(s.segmento()), adesso);
            Duration fermo = r.fermoDal() == null ? Duration.ZERO : Duration.between(r.fermoDal(), adesso);
            if (fermo.isNegative()) {
                fermo = Duration.ZERO;
            }
            boolean bloccato = r.fermoDal() != null && fermo.compareTo(stalloMassimo) >= 0;
            boolean spiega = dettagli && r.fermoDal() != null && fermo.toSeconds() > 0;
            long ritardo = s.posizione() == null ? testa + 1 : Math.max(0, testa - s.posizione());
            stati.add(new StatoSegmento(s.segmento(), s.posizione(), testa, ritardo, s.nodo(), r.avanzatoIl(), r.fermoDal(),
                    fermo.toSeconds(), bloccato, r.errore(), r.erroreIl(), r.erroreNodo(),
                    spiega ? primoInAttesa(Segment.computeSegment(s.segmento(), ids), s.posizione()) : null,
                    spiega ? perche(s, r) : null));
        }
        return stati;
    }

    /**
     * Records the failure of a batch of {@code segmento}: the innermost cause, when, and this node. Never
     * throws: the database may be the very failure, and the caller is handling one already.
     */
    public void registraErrore(String processore, int segmento, Throwable errore) {
        String testo = Radice.tronca(Radice.descrivi(errore), LUNGHEZZA_ERRORE);
        try {
            if (aggiornaErrore(processore, segmento, testo) == 0) {
                // no row yet: a reading writes it, with the segment's position
                stati(processore, false);
                aggiornaErrore(processore, segmento, testo);
            }
        } catch (RuntimeException e) {
            LOG.debug("Errore del segmento {} di {} non registrato: {}", segmento, processore, e.toString());
        }
    }

    /**
     * The processor's error handler, recording what it rethrows: a batch that fails for good (the handler
     * rethrows: Axon then aborts the work package, releases the segment and claims it again after a back-off,
     * for ever) becomes the segment's last error, where every node reads it. The segment is the one whose
     * sequence (the aggregate, Axon's default policy) the first failed event belongs to.
     */
    public ErrorHandler sorvegliato(ErrorHandler gestore) {
        return contesto -> {
            try {
                gestore.handleError(contesto);
            } catch (Exception | Error e) {
                Integer segmento = segmentoDi(contesto.eventProcessor(), contesto.failedEvents());
                if (segmento != null) {
                    registraErrore(contesto.eventProcessor(), segmento, e);
                }
                throw e;
            }
        };
    }

    private Integer segmentoDi(String processore, List<? extends EventMessage<?>> eventi) {
        if (eventi.isEmpty() || !(eventi.get(0) instanceof DomainEventMessage<?> evento)) {
            return null;
        }
        try {
            int[] ids = token.segmenti(processore).stream().mapToInt(SegmentoNelloStore::segmento).toArray();
            for (int id : ids) {
                if (Segment.computeSegment(id, ids).matches(evento.getAggregateIdentifier())) {
                    return id;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Segmento dell'evento {} di {} non trovato: {}", evento.getIdentifier(), processore, e.toString());
        }
        return null;
    }

    private int aggiornaErrore(String processore, int segmento, String testo) {
        return jdbc.update("UPDATE segmento_processore SET errore = ?, errore_il = ?, errore_nodo = ? WHERE processore = ? AND segmento = ?",
                testo, utc(clock.instant()), nodo, processore, segmento);
    }

    /** What segmento_processore says of a segment. */
    private record Registrato(Long posizione, Instant avanzatoIl, Instant fermoDal, String errore, Instant erroreIl,
                              String erroreNodo) {

        Registrato con(Long posizione, Instant avanzatoIl, Instant fermoDal) {
            return new Registrato(posizione, avanzatoIl, fermoDal, errore, erroreIl, erroreNodo);
        }
    }

    private Map<Integer, Registrato> registrati(String processore) {
        Map<Integer, Registrato> registrati = new HashMap<>();
        jdbc.query("SELECT segmento, posizione, avanzato_il, fermo_dal, errore, errore_il, errore_nodo FROM segmento_processore"
                + " WHERE processore = ?", rs -> {
            registrati.put(rs.getInt(1), new Registrato(rs.getObject(2, Long.class), istante(rs, 3), istante(rs, 4),
                    rs.getString(5), istante(rs, 6), rs.getString(7)));
        }, processore);
        return registrati;
    }

    /**
     * Records what this reading sees of one segment and returns the record as it now stands. Each update
     * holds only if the row still has the position this reading started from: when two nodes read at
     * once, the first one's times stay.
     */
    private Registrato registra(String processore, SegmentoNelloStore s, boolean attesa, Registrato r, Instant adesso) {
        Instant fermoDal = attesa ? adesso : null;
        if (r == null) {
            jdbc.update("INSERT IGNORE INTO segmento_processore (processore, segmento, posizione, avanzato_il, fermo_dal) VALUES (?, ?, ?, ?, ?)",
                    processore, s.segmento(), s.posizione(), utc(adesso), utc(fermoDal));
            return new Registrato(s.posizione(), adesso, fermoDal, null, null, null);
        }
        if (!Objects.equals(r.posizione(), s.posizione())) {
            jdbc.update("UPDATE segmento_processore SET posizione = ?, avanzato_il = ?, fermo_dal = ?"
                            + " WHERE processore = ? AND segmento = ? AND posizione <=> ?",
                    s.posizione(), utc(adesso), utc(fermoDal), processore, s.segmento(), r.posizione());
            return r.con(s.posizione(), adesso, fermoDal);
        }
        if (attesa && r.fermoDal() == null) {
            jdbc.update("UPDATE segmento_processore SET fermo_dal = ? WHERE processore = ? AND segmento = ? AND posizione <=> ?"
                    + " AND fermo_dal IS NULL", utc(adesso), processore, s.segmento(), s.posizione());
            return r.con(r.posizione(), r.avanzatoIl(), adesso);
        }
        if (!attesa && r.fermoDal() != null) {
            jdbc.update("UPDATE segmento_processore SET fermo_dal = NULL WHERE processore = ? AND segmento = ? AND posizione <=> ?",
                    processore, s.segmento(), s.posizione());
            return r.con(r.posizione(), r.avanzatoIl(), null);
        }
        return r;
    }

    /**
     * The first event beyond {@code posizione} that belongs to {@code segmento} under Axon's default
     * sequencing policy (by aggregate: every processor here uses it), looking at most
     * {@code RIGHE_PER_PAGINA * PAGINE} events ahead; null when none of those is the segment's.
     */
    private EventoInAttesa primoInAttesa(Segment segmento, Long posizione) {
        long da = posizione == null ? -1 : posizione;
        for (int pagina = 0; pagina < PAGINE; pagina++) {
            List<EventoInAttesa> eventi = jdbc.query("SELECT global_index, aggregate_identifier, type, payload_type FROM domain_event_entry"
                            + " WHERE global_index > ? ORDER BY global_index LIMIT ?",
                    (rs, i) -> new EventoInAttesa(rs.getLong(1), rs.getString(2), rs.getString(3), nomeSemplice(rs.getString(4))),
                    da, RIGHE_PER_PAGINA);
            for (EventoInAttesa evento : eventi) {
                if (segmento.matches(evento.aggregato())) {
                    return evento;
                }
            }
            if (eventi.size() < RIGHE_PER_PAGINA) {
                return null;
            }
            da = eventi.get(eventi.size() - 1).posizione();
        }
        return null;
    }

    /** Why a segment stands still, for ops: its own error since the stall began, else who holds it. */
    private static String perche(SegmentoNelloStore s, Registrato r) {
        if (r.erroreIl() != null && !r.erroreIl().isBefore(r.fermoDal())) {
            return "Il segmento fallisce e riprova: " + r.errore() + " (ultimo errore alle " + r.erroreIl() + " sul nodo " + r.erroreNodo() + ")";
        }
        if (s.nodo() == null) {
            return "Nessun nodo tiene il segmento: il processore è fermo su ogni nodo, oppure il segmento è stato rilasciato"
                    + " e nessuno lo ha ancora ripreso";
        }
        return "Il nodo " + s.nodo() + " tiene il segmento ma non avanza, senza errori registrati: una transazione bloccata o"
                + " lenta (SHOW FULL PROCESSLIST, lock), oppure il nodo non risponde più e il suo claim non è ancora scaduto";
    }

    private static String nomeSemplice(String tipo) {
        return tipo == null ? null : tipo.substring(Math.max(tipo.lastIndexOf('.'), tipo.lastIndexOf('$')) + 1);
    }

    /** An instant as a UTC date-time: Connector/J would shift a Timestamp by the JVM's zone (MariaDB CONJ-433). */
    private static LocalDateTime utc(Instant istante) {
        return istante == null ? null : LocalDateTime.ofInstant(istante, ZoneOffset.UTC);
    }

    private static Instant istante(ResultSet rs, int colonna) throws SQLException {
        LocalDateTime t = rs.getObject(colonna, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
