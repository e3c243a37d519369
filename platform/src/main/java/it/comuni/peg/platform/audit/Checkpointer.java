package it.comuni.peg.platform.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import it.comuni.peg.platform.database.IstantiUtc;
import it.comuni.peg.platform.errori.Contesa;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes the signed checkpoints: the head of the sealed chain (global index, hash) at a time, signed by
 * {@link Firmatario}'s key, timestamped by the ente's TSA where there is one ({@link MarcaTemporale}),
 * stored in {@code checkpoint_firmato} and exported outside the database ({@link EsportazioneCheckpoint}).
 * <p>
 * When: every {@code peg.audit.checkpoint.intervallo} (1 hour by default), as soon as an act of the cycle
 * ({@link AttiDelCicloMemorizzati}) has been sealed and no checkpoint covers it yet (checked every
 * {@code peg.audit.checkpoint.controllo}, 1 s), and on request ({@link Ricevute}). Working from the
 * seals, never from the events as they are appended, is what makes an act's checkpoint cover the act:
 * the checkpoint waits for the {@link Sigillatore}, whose order is the chain's.
 * <p>
 * Several processes may run this: the last checkpoint, read with a row lock that does not wait, lets
 * one take a checkpoint at a time; two that still meet on an empty table take two valid checkpoints.
 * <p>
 * Metrics: {@code peg_checkpoint_eta_secondi} (seconds since the last checkpoint; NaN with none, or
 * without a key), {@code peg_checkpoint_total{motivo}} and {@code peg_checkpoint_falliti_total} (counters: Prometheus adds the suffix).
 */
@Component
public class Checkpointer {

    /** Why a checkpoint was taken. */
    public enum Motivo { INTERVALLO, ATTO, RICHIESTA }

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    static final String COLONNE = "id, global_index, hash, precedente, preso_il, motivo, firma, impronta_chiave, token_tsa";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transazione;
    private final Firmatario firmatario;
    private final MarcaTemporale tsa;
    private final EsportazioneCheckpoint esportazione;
    private final AttiDelCicloMemorizzati atti;
    private final Duration intervallo;
    private final MeterRegistry registry;
    private final Map<Motivo, Counter> presi = new ConcurrentHashMap<>();
    private final Counter falliti;
    // after a failure the periodic round waits a minute: a TSA that is down is not asked (and logged) every second
    private volatile Instant prossimoTentativo = Instant.MIN;
    private static final Duration PAUSA_DOPO_ERRORE = Duration.ofMinutes(1);

    public Checkpointer(JdbcTemplate jdbc, PlatformTransactionManager transazioni, Firmatario firmatario, MarcaTemporale tsa,
                        EsportazioneCheckpoint esportazione, AttiDelCicloMemorizzati atti, MeterRegistry registry,
                        @Value("${peg.audit.checkpoint.intervallo:1h}") Duration intervallo) {
        this.jdbc = jdbc;
        this.transazione = new TransactionTemplate(transazioni);
        this.firmatario = firmatario;
        this.tsa = tsa;
        this.esportazione = esportazione;
        this.atti = atti;
        this.intervallo = intervallo;
        this.registry = registry;
        Gauge.builder("peg_checkpoint_eta_secondi", this, Checkpointer::etaUltimo)
                .description("Seconds since the last signed checkpoint of the audit chain (NaN: none, or no signing key)")
                .register(registry);
        this.falliti = Counter.builder("peg_checkpoint_falliti")
                .description("Signed checkpoints that could not be taken (timestamping authority, export folder, database)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${peg.audit.checkpoint.controllo:1s}", initialDelayString = "${peg.audit.checkpoint.controllo:1s}")
    public void esamina() {
        if (firmatario.chiave().isEmpty() || Instant.now().isBefore(prossimoTentativo)) {
            return;
        }
        try {
            Long testa = jdbc.queryForObject("SELECT MAX(global_index) FROM sigillo_evento", Long.class);
            if (testa == null) {
                return;
            }
            Optional<Checkpoint> ultimo = ultimo();
            long coperto = ultimo.map(Checkpoint::indice).orElse(0L);
            if (atti.primoTra(coperto, testa) != null) {
                prendi(Motivo.ATTO);
            } else if (ultimo.isEmpty() || ultimo.get().ricevuta().presaIl().plus(intervallo).isBefore(Instant.now())) {
                prendi(Motivo.INTERVALLO);
            }
        } catch (RuntimeException e) {
            // the database or the TSA may be away: a later round retries, the metrics tell ops
            prossimoTentativo = Instant.now().plus(PAUSA_DOPO_ERRORE);
            LOG.warn("Checkpoint rinviato di {}: {}", PAUSA_DOPO_ERRORE, e.getMessage());
        }
    }

    /**
     * Takes a checkpoint at the head of the sealed chain now. Returns it; empty when there is no key,
     * nothing is sealed yet, or another process is taking one at this moment.
     *
     * @throws RuntimeException when the TSA, the export folder or the database fail (counted)
     */
    public Optional<Checkpoint> prendi(Motivo motivo) {
        if (firmatario.chiave().isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Checkpoint> preso = Optional.ofNullable(transazione.execute(stato -> inTransazione(motivo)));
            preso.ifPresent(c -> presi.computeIfAbsent(motivo, m -> Counter.builder("peg_checkpoint")
                    .description("Signed checkpoints taken, by reason").tag("motivo", m.name().toLowerCase()).register(registry))
                    .increment());
            return preso;
        } catch (RuntimeException e) {
            falliti.increment();
            throw e;
        }
    }

    private Checkpoint inTransazione(Motivo motivo) {
        try {
            jdbc.query("SELECT id FROM checkpoint_firmato ORDER BY id DESC LIMIT 1 FOR UPDATE NOWAIT", rs -> { });
        } catch (DataAccessException e) {
            if (Contesa.di(e)) {
                return null; // another process is taking one
            }
            throw e;
        }
        List<Object[]> teste = jdbc.query("SELECT global_index, hash FROM sigillo_evento ORDER BY global_index DESC LIMIT 1",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)});
        if (teste.isEmpty()) {
            return null;
        }
        long indice = (Long) teste.get(0)[0];
        String hash = (String) teste.get(0)[1];
        // the previous checkpoint at or below this head: after a restore of an older backup, newer ones may exceed it
        Long precedente = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM checkpoint_firmato WHERE global_index <= ?",
                Long.class, indice);
        ChiaveDiFirma chiave = firmatario.chiave().orElseThrow();
        Instant adesso = Ricevuta.istante(Instant.now());
        byte[] messaggio = Ricevuta.messaggio(indice, hash, adesso);
        byte[] marca = tsa.configurata() ? tsa.marca(messaggio) : null;
        Ricevuta ricevuta = new Ricevuta(Ricevuta.VERSIONE, indice, hash, adesso, Base64.getEncoder().encodeToString(chiave.firma(messaggio)),
                chiave.impronta(), marca == null ? null : Base64.getEncoder().encodeToString(marca));
        // outside the database first: a copy that outlives a failed insert is still a valid, signed checkpoint
        esportazione.esporta(ricevuta, precedente);
        jdbc.update("INSERT INTO checkpoint_firmato (global_index, hash, precedente, preso_il, motivo, firma, impronta_chiave, token_tsa)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", indice, hash, precedente, IstantiUtc.colonna(adesso), motivo.name(),
                ricevuta.firma(), ricevuta.improntaChiave(), marca);
        Long id = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
        LOG.info("Checkpoint firmato {} ({}): evento {}, hash {}", id, motivo, indice, hash);
        return new Checkpoint(id, motivo, precedente, ricevuta);
    }

    /** The last checkpoint taken, if any. */
    public Optional<Checkpoint> ultimo() {
        return jdbc.query("SELECT " + COLONNE + " FROM checkpoint_firmato ORDER BY id DESC LIMIT 1", Checkpointer::checkpoint)
                .stream().findFirst();
    }

    /** The first checkpoint that covers the event with global index {@code indice}, if any. */
    public Optional<Checkpoint> primoCheCopre(long indice) {
        return jdbc.query("SELECT " + COLONNE + " FROM checkpoint_firmato WHERE global_index >= ? ORDER BY global_index, id LIMIT 1",
                Checkpointer::checkpoint, indice).stream().findFirst();
    }

    /** The checkpoints taken, newest first, at most {@code quanti}. */
    public List<Checkpoint> elenco(int quanti) {
        return jdbc.query("SELECT " + COLONNE + " FROM checkpoint_firmato ORDER BY id DESC LIMIT ?", Checkpointer::checkpoint, quanti);
    }

    /** One checkpoint by its id. */
    public Optional<Checkpoint> di(long id) {
        return jdbc.query("SELECT " + COLONNE + " FROM checkpoint_firmato WHERE id = ?", Checkpointer::checkpoint, id).stream().findFirst();
    }

    private static Checkpoint checkpoint(ResultSet rs, int riga) throws SQLException {
        byte[] marca = rs.getBytes("token_tsa");
        Instant presoIl = IstantiUtc.leggi(rs, rs.findColumn("preso_il"));
        return new Checkpoint(rs.getLong("id"), Motivo.valueOf(rs.getString("motivo")), rs.getLong("precedente"),
                new Ricevuta(Ricevuta.VERSIONE, rs.getLong("global_index"), rs.getString("hash"), presoIl, rs.getString("firma"),
                        rs.getString("impronta_chiave"), marca == null ? null : Base64.getEncoder().encodeToString(marca)));
    }

    private double etaUltimo() {
        if (firmatario.chiave().isEmpty()) {
            return Double.NaN;
        }
        try {
            Instant ultimo = jdbc.query("SELECT MAX(preso_il) FROM checkpoint_firmato", (rs, i) -> IstantiUtc.leggi(rs, 1))
                    .stream().findFirst().orElse(null);
            if (ultimo == null) {
                return Double.NaN;
            }
            return Duration.between(ultimo, Instant.now()).toMillis() / 1000.0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * A checkpoint as stored: its id, why it was taken, the global index of the previous one (its
     * exported file lists the events after that) and its receipt.
     */
    public record Checkpoint(long id, Motivo motivo, long precedente, Ricevuta ricevuta) {
        public long indice() {
            return ricevuta.indice();
        }
    }
}
