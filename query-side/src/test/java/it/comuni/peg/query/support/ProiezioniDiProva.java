package it.comuni.peg.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/** Appends events straight to the store and waits until a projection has processed all of them. */
public final class ProiezioniDiProva {

    private ProiezioniDiProva() {
    }

    public static void accoda(EventStore store, PlatformTransactionManager tx, List<DomainEventMessage<?>> eventi) {
        new TransactionTemplate(tx).executeWithoutResult(s -> store.publish(eventi));
    }

    /** Until every segment of the processor has passed the head of the store. */
    public static void attendi(EventProcessingConfiguration config, JdbcTemplate jdbc, String processore) {
        Long testa = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        StreamingEventProcessor p = config.eventProcessor(processore, StreamingEventProcessor.class).orElseThrow();
        long limite = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < limite) {
            var stato = p.processingStatus();
            if (!stato.isEmpty() && stato.values().stream().allMatch(s ->
                    s.getCurrentPosition().orElse(-1) >= testa)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Il processore " + processore + " non ha raggiunto la posizione " + testa);
    }
}
