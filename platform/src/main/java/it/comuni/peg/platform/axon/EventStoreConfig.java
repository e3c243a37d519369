package it.comuni.peg.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The JPA event storage engine as Axon's auto-configuration builds it, with a longer gap timeout.
 * <p>
 * A tracking processor that reads event N+1 while N (an earlier global index) is not committed yet
 * remembers N as a gap and keeps looking for it, but only while N+1 is younger than the gap
 * timeout: reading an older event drops every gap below it for good. A processor that lags (after
 * a database outage, under load, or restarted) reads old events, so with Axon's 60 s a command
 * transaction still open then would be skipped forever. A gap can only be older than the sum of
 * two command transactions (the one holding N and the one that created N+1), so the timeout must
 * exceed that by far: 10 minutes against transactions of milliseconds, each bounded in code
 * ({@link it.comuni.peg.platform.transazioni.LimiteTransazioni}, 1 minute at most by default; the
 * application refuses to start unless that bound is at most a quarter of this timeout). The cost
 * is a token that carries permanent gaps (rolled-back inserts, rare with a NOCACHE sequence) for
 * 10 minutes instead of one.
 * <p>
 * Events are read 1,000 per query instead of Axon's 100 (see the batch size below), and the reads
 * that feed the projections start at least {@code peg.eventstore.intervallo-letture} apart (25 ms)
 * and end at the first batch that is not full (0: Axon's engine as it is, which reads after every
 * commit and until a query finds nothing): see {@link LettureDistanziate}.
 */
@Configuration(proxyBeanMethods = false)
// Axon's auto-configuration backs off as soon as this engine exists, and with it the registration
// of the event store's entities, which it therefore gets here
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class EventStoreConfig {

    /** The gap timeout as a placeholder with its default: {@code peg.eventstore.gap-timeout}, 10 minutes. */
    public static final String GAP_TIMEOUT = "${peg.eventstore.gap-timeout:10m}";

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 @Value(GAP_TIMEOUT) Duration gapTimeout,
                                                 @Value("${peg.eventstore.gap-cleaning-threshold:250}") int gapCleaningThreshold,
                                                 @Value("${peg.eventstore.batch-size:1000}") int batchSize,
                                                 @Value("${peg.eventstore.intervallo-letture:25ms}") Duration intervalloLetture) {
        JpaEventStorageEngine.Builder motore = JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .gapCleaningThreshold(gapCleaningThreshold)
                // rows per query: an objective's whole stream (a few hundred events) in one round
                // trip when a command or an as-of read loads it, and fewer queries in a rebuild
                .batchSize(batchSize);
        return intervalloLetture.isZero() ? motore.build() : new LettureDistanziate(motore, intervalloLetture);
    }
}
