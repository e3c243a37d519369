package it.comuni.peg.platform.audit;

import it.comuni.peg.platform.database.IstantiUtc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import it.comuni.peg.platform.axon.EventStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import it.comuni.peg.platform.errori.Contesa;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals the events into the hash chain in strict global-index order, reading each row as stored
 * (not re-serialized), so the chain covers exactly what is on disk.
 * <p>
 * Why not an event processor: concurrent command transactions commit out of global-index order,
 * so a stream delivers event 11 before event 10 and a seal of 11 chained to 9 would break the
 * chain for good. Here a hole in the global index stops the sealing until it is known to be
 * permanent (a rolled-back insert): either no transaction that was open when the hole was first
 * seen is still open (the server's transaction list, visible with the PROCESS privilege), or the
 * hole is older than the gap timeout, the bound every command transaction lives within.
 * <p>
 * Several processes may run this: the head of the chain, read with a row lock that does not wait,
 * lets one seal at a time (a named lock, GET_LOCK, is what a Galera cluster refuses: MDEV-30473);
 * two that still meet, on an empty chain or on two nodes of a cluster, are kept apart by the
 * primary key of {@code sigillo_evento}: the second one's transaction fails and seals nothing.
 */
@Component
@ConditionalOnProperty(name = "peg.audit.sigilla", havingValue = "true", matchIfMissing = true)
public class Sigillatore {

    /**
     * How long a hole in the global index is waited for when the server's transaction list cannot
     * tell: {@code peg.audit.attesa-buchi}, the gap timeout by default.
     */
    public static final String ATTESA_BUCHI = "${peg.audit.attesa-buchi:" + EventStoreConfig.GAP_TIMEOUT + "}";

    private static final Logger LOG = LoggerFactory.getLogger(Sigillatore.class);
    private static final int LOTTO = 1000;
    // bounded rounds, so that a long backlog does not hold the shared scheduler thread
    private static final int GIRI_PER_VOLTA = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transazione;
    private final Duration attesaBuchi;
    private Buco bucoOsservato;
    private volatile boolean elencoTransazioniLeggibile = true;

    public Sigillatore(JdbcTemplate jdbc, PlatformTransactionManager transazioni, MeterRegistry registry,
                       @Value(ATTESA_BUCHI) Duration attesaBuchi) {
        this.jdbc = jdbc;
        this.transazione = new TransactionTemplate(transazioni);
        this.attesaBuchi = attesaBuchi;
        Gauge.builder("peg_eventi_da_sigillare", this, Sigillatore::daSigillare)
                .description("Events appended and not yet sealed into the audit hash chain")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${peg.audit.intervallo:500ms}")
    public void sigillaPeriodicamente() {
        try {
            sigilla();
        } catch (RuntimeException e) {
            // the database may be down: the next round retries from the last seal
            LOG.debug("Sigillatura rinviata: {}", e.getMessage());
        }
    }

    /** Seals the events it can, in order, up to the head of the store or a hole; returns how many. */
    public int sigilla() {
        int totale = 0;
        for (int giro = 0; giro < GIRI_PER_VOLTA; giro++) {
            Integer sigillati = transazione.execute(stato -> lotto());
            totale += sigillati == null ? 0 : sigillati;
            if (sigillati == null || sigillati < LOTTO) {
                break;
            }
        }
        return totale;
    }

    private int lotto() {
        Testa testa;
        try {
            testa = jdbc.query("SELECT global_index, hash FROM sigillo_evento ORDER BY global_index DESC LIMIT 1 FOR UPDATE NOWAIT",
                    (rs, i) -> new Testa(rs.getLong(1), rs.getString(2))).stream().findFirst().orElse(Testa.GENESI);
        } catch (DataAccessException e) {
            if (Contesa.di(e)) {
                return 0; // another process is sealing
            }
            throw e;
        }
        long ultimo = testa.globalIndex();
        String hash = testa.hash();
        List<EventoMemorizzato> righe = jdbc.query("SELECT " + EventoMemorizzato.COLONNE + " FROM domain_event_entry"
                + " WHERE global_index > ? ORDER BY global_index LIMIT " + LOTTO, (rs, i) -> EventoMemorizzato.da(rs), ultimo);
        List<Object[]> sigilli = new ArrayList<>();
        LocalDateTime adesso = IstantiUtc.colonna(Instant.now());
        long atteso = ultimo + 1;
        for (EventoMemorizzato riga : righe) {
            if (riga.globalIndex() != atteso && !bucoPermanente(atteso, riga.globalIndex())) {
                break;
            }
            String nuovo = riga.hash(hash);
            sigilli.add(new Object[]{riga.globalIndex(), nuovo, hash, adesso});
            hash = nuovo;
            atteso = riga.globalIndex() + 1;
        }
        jdbc.batchUpdate("INSERT INTO sigillo_evento (global_index, hash, hash_precedente, sigillato_il) VALUES (?, ?, ?, ?)",
                sigilli);
        return sigilli.size();
    }

    /** Whether the indexes from {@code da} to just before {@code a} will never hold a committed event. */
    private boolean bucoPermanente(long da, long a) {
        if (bucoOsservato == null || bucoOsservato.da() != da) {
            bucoOsservato = new Buco(da, jdbc.queryForObject("SELECT CAST(NOW(6) AS CHAR)", String.class), System.nanoTime());
            return false;
        }
        if (System.nanoTime() - bucoOsservato.osservatoNanos() >= attesaBuchi.toNanos()) {
            LOG.warn("Indici da {} a {} senza evento da {}: sigillo oltre", da, a - 1, attesaBuchi);
            return true;
        }
        return elencoTransazioniLeggibile && nessunaTransazioneAnteriore(bucoOsservato.osservatoIl());
    }

    /**
     * No transaction still open that started by the time the hole was seen: the one holding the
     * missing index (it reads before it inserts) must have ended. trx_started has whole seconds,
     * which only makes the answer more cautious. The list is trusted only if it shows this very
     * transaction: without the PROCESS privilege it is refused or partial, and the gap timeout
     * decides alone.
     */
    private boolean nessunaTransazioneAnteriore(String osservatoIl) {
        try {
            Long propria = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.INNODB_TRX"
                    + " WHERE trx_mysql_thread_id = CONNECTION_ID()", Long.class);
            if (propria == null || propria != 1) {
                elencoTransazioniLeggibile = false;
                LOG.info("Elenco delle transazioni non leggibile: i buchi nell'indice attendono {}", attesaBuchi);
                return false;
            }
            Long aperte = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_started <= ?"
                    + " AND trx_mysql_thread_id <> CONNECTION_ID()", Long.class, osservatoIl);
            return aperte != null && aperte == 0;
        } catch (RuntimeException e) {
            elencoTransazioniLeggibile = false;
            LOG.info("Elenco delle transazioni non leggibile ({}): i buchi nell'indice attendono {}", e.getMessage(), attesaBuchi);
            return false;
        }
    }

    private double daSigillare() {
        try {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index >"
                    + " (SELECT COALESCE(MAX(global_index), 0) FROM sigillo_evento)", Long.class);
            return n == null ? Double.NaN : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private record Buco(long da, String osservatoIl, long osservatoNanos) {
    }

    /** The last seal: where the chain goes on from (index 0 and the genesis hash on an empty chain). */
    private record Testa(long globalIndex, String hash) {
        static final Testa GENESI = new Testa(0, EventoMemorizzato.GENESI);
    }
}
