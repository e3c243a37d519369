package it.comuni.peg.platform.processori;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shares the segments of each processor among the processes that run it. A pooled processor
 * claims every free segment it can, so the first node to start would keep them all; here each
 * node says it is alive, and one holding more than its fair share (segments / live nodes, rounded
 * up) releases one for a while, so another can claim it. When a node dies its heartbeat and its
 * claims expire, and the survivors' share grows back to everything: nothing stays unprocessed.
 */
@Component
public class BilanciamentoSegmenti {

    private static final Logger log = LoggerFactory.getLogger(BilanciamentoSegmenti.class);

    private final Processori processori;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration vitaNodo;
    private final String nodo = ManagementFactory.getRuntimeMXBean().getName();

    public BilanciamentoSegmenti(Processori processori, JdbcTemplate jdbc, Clock clock,
                                 @Value("${peg.processori.vita-nodo:PT15S}") Duration vitaNodo) {
        this.processori = processori;
        this.jdbc = jdbc;
        this.clock = clock;
        this.vitaNodo = vitaNodo;
    }

    @Scheduled(initialDelayString = "${peg.processori.bilanciamento-ms:5000}", fixedDelayString = "${peg.processori.bilanciamento-ms:5000}")
    public void bilancia() {
        for (String nome : processori.nomi()) {
            if (processori.processore(nome) instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                try {
                    bilancia(nome, streaming);
                } catch (RuntimeException e) {
                    // the database may be away: the next round tries again
                    log.debug("Bilanciamento di {} non riuscito: {}", nome, e.toString());
                }
            }
        }
    }

    private void bilancia(String nome, StreamingEventProcessor processore) {
        Instant adesso = clock.instant();
        int aggiornati = jdbc.update("UPDATE nodo_processore SET visto_il = ? WHERE processore = ? AND nodo = ?",
                Timestamp.from(adesso), nome, nodo);
        if (aggiornati == 0) {
            jdbc.update("INSERT INTO nodo_processore (processore, nodo, visto_il) VALUES (?, ?, ?)", nome, nodo, Timestamp.from(adesso));
        }
        Integer vivi = jdbc.queryForObject("SELECT COUNT(*) FROM nodo_processore WHERE processore = ? AND visto_il > ?",
                Integer.class, nome, Timestamp.from(adesso.minus(vitaNodo)));
        Integer segmenti = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, nome);
        if (vivi == null || vivi < 2 || segmenti == null || segmenti < 2) {
            return;
        }
        int quota = (segmenti + vivi - 1) / vivi;
        Map<Integer, EventTrackerStatus> miei = processore.processingStatus();
        if (miei.size() > quota) {
            int segmento = miei.keySet().stream().max(Integer::compare).orElseThrow();
            log.info("Processore {}: {} segmenti su {} con {} nodi vivi, rilascio il segmento {}", nome, miei.size(), segmenti,
                    vivi, segmento);
            processore.releaseSegment(segmento, vitaNodo.toSeconds() * 2, TimeUnit.SECONDS);
        }
    }
}
