package it.comuni.peg.platform.processori;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shares the segments of each processor among the processes that run it. A pooled processor
 * claims every free segment it can, so the first node to start would keep them all; here each
 * node says it is alive, and one holding more than its fair share (segments / live nodes, rounded
 * up) releases one for a while, so another can claim it. When a node dies its heartbeat and its
 * claims expire, and the survivors' share grows back to everything: nothing stays unprocessed.
 * The heartbeats are {@link Battiti}'s, in UTC, so processes in different time zones count each other right.
 */
@Component
public class BilanciamentoSegmenti {

    private static final Logger log = LoggerFactory.getLogger(BilanciamentoSegmenti.class);

    private final Processori processori;
    private final Battiti battiti;
    private final TokenCondivisi token;

    public BilanciamentoSegmenti(Processori processori, Battiti battiti, TokenCondivisi token) {
        this.processori = processori;
        this.battiti = battiti;
        this.token = token;
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
        battiti.batti(nome);
        int vivi = battiti.vivi(nome).size();
        int segmenti = token.numeroSegmenti(nome);
        if (vivi < 2 || segmenti < 2) {
            return;
        }
        int quota = (segmenti + vivi - 1) / vivi;
        Map<Integer, EventTrackerStatus> miei = processore.processingStatus();
        if (miei.size() > quota) {
            int segmento = miei.keySet().stream().max(Integer::compare).orElseThrow();
            log.info("Processore {}: {} segmenti su {} con {} nodi vivi, rilascio il segmento {}", nome, miei.size(), segmenti,
                    vivi, segmento);
            processore.releaseSegment(segmento, battiti.vitaNodo().toMillis() * 2, TimeUnit.MILLISECONDS);
        }
    }
}
