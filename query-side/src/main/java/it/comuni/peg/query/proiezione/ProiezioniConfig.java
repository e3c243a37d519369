package it.comuni.peg.query.proiezione;

import it.comuni.peg.platform.processori.SorveglianzaSegmenti;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection in its own pooled streaming processor, reading the event store and keeping its
 * token in token_entry, in the same transaction as its rows (JPA token store, same database).
 * A failure propagates (Axon's default would log and skip it) and parks its event in the group's
 * dead-letter queue, with every later event of the same objective behind it, whatever its cause: in a
 * handler, at flush or at commit ({@link Parcheggio}). Other objectives go on, and nothing is lost or
 * skipped silently. {@code GET /api/admin/proiezioni} shows the count.
 * <p>
 * Tuned by the benchmark (ops/benchmark.sh): batches of 500 events per transaction (the handlers
 * write each objective once per batch), and the dead-letter queue's sequence-identifier cache:
 * without it every event costs a query asking whether its objective is parked, and that query
 * flushes the whole persistence context of the batch first (quadratic in the batch size).
 */
@Configuration(proxyBeanMethods = false)
public class ProiezioniConfig {

    @Bean
    public ConfigurerModule proiezioniPooled(@Value("${peg.proiezioni.batch:500}") int batch,
                                             @Value("${peg.proiezioni.segmenti:4}") int segmenti,
                                             Parcheggio parcheggio, SorveglianzaSegmenti sorveglianza) {
        return configurer -> configurer.eventProcessing(ep -> {
            for (String gruppo : Proiezioni.TUTTE) {
                ep.registerPooledStreamingEventProcessor(gruppo, c -> c.eventStore(),
                        (c, builder) -> builder.batchSize(batch).initialSegmentCount(segmenti));
                ep.registerListenerInvocationErrorHandler(gruppo, c -> PropagatingErrorHandler.instance());
                // what fails outside a handler (at flush, at commit) is parked too: see Parcheggio; what
                // still fails the batch becomes the segment's last error, shown to ops on every node
                ep.registerErrorHandler(gruppo, c -> sorveglianza.sorvegliato(parcheggio));
                ep.registerHandlerInterceptor(gruppo, c -> parcheggio.intercettore(gruppo));
                ep.registerDeadLetterPolicy(gruppo, c -> parcheggio.politica());
                // safe: only the owner of a segment parks its sequences, and the cache lives with the claim
                ep.registerDeadLetteringEventHandlerInvokerConfiguration(gruppo, (c, invoker) -> invoker.enableSequenceIdentifierCache());
                ep.registerDeadLetterQueue(gruppo, c -> JpaSequencedDeadLetterQueue.builder()
                        .processingGroup(gruppo)
                        .entityManagerProvider(c.getComponent(EntityManagerProvider.class))
                        .transactionManager(c.getComponent(TransactionManager.class))
                        .serializer(c.serializer())
                        .build());
            }
        });
    }
}
