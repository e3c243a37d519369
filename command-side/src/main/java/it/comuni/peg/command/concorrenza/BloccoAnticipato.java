package it.comuni.peg.command.concorrenza;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes Axon's own lock of the command's aggregate first thing in the command's unit of work, so
 * that what the interceptors after it do happens under it: checking the cached objective against
 * the store ({@link CacheObiettivi#verifica}), claiming the Idempotency-Key
 * ({@code IdempotenzaInterceptor}). It is the very lock Axon's repository takes when it loads the
 * aggregate (the aggregates are configured with {@link #BLOCCHI}; Axon's locks are reentrant), and
 * it is released the way Axon releases its own: when the unit of work is cleaned up, after its
 * transaction committed or rolled back. So the next command on the same aggregate in this process
 * always starts after the previous one's events are committed, and never fails on them.
 * <p>
 * Across processes the lock means nothing: there the store's unique (aggregate, sequence) decides,
 * and the cache check reloads an objective another process changed.
 * <p>
 * A command that runs inside a longer transaction of its own caller (the import: all the commands
 * of one objective in one transaction) outlives its unit of work: when that transaction does not
 * commit, the objective the unit of work cached is dropped, so no command is judged on events that
 * were never stored.
 */
@Component
@Order(BloccoAnticipato.ORDINE)
public class BloccoAnticipato implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** First among the command handler interceptors: everything after it runs under the lock. */
    public static final int ORDINE = Ordered.HIGHEST_PRECEDENCE;
    /** The bean name of the lock factory the aggregates use ({@code @Aggregate(lockFactory = ...)}) and this takes from. */
    public static final String BLOCCHI = "blocchiAggregati";

    private final LockFactory blocchi;
    private final CommandTargetResolver bersaglio;
    private final CacheObiettivi cache;
    private final EventStore eventStore;

    public BloccoAnticipato(@Qualifier(BLOCCHI) LockFactory blocchi, CommandTargetResolver bersaglio, CacheObiettivi cache,
                            EventStore eventStore) {
        this.blocchi = blocchi;
        this.bersaglio = bersaglio;
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String aggregato = aggregato(unitOfWork.getMessage());
        if (aggregato == null) {
            return chain.proceed();
        }
        Lock lock = blocchi.obtainLock(aggregato);
        unitOfWork.onCleanup(u -> lock.release());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // no Spring transaction at all (a bus without a transaction manager): no commit to
            // know the cached objective by
            cache.remove(aggregato);
            return chain.proceed();
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int stato) {
                if (stato != STATUS_COMMITTED) {
                    // Axon forgets the objective when its own unit of work rolls back; this is an
                    // enclosing transaction (the import's) failing after Axon's unit of work committed
                    cache.remove(aggregato);
                }
            }
        });
        cache.verifica(aggregato, () -> eventStore.lastSequenceNumberFor(aggregato).orElse(null));
        return chain.proceed();
    }

    private String aggregato(CommandMessage<?> comando) {
        try {
            return bersaglio.resolveTarget(comando).getIdentifier();
        } catch (IllegalArgumentException e) {
            // a command without a target aggregate
            return null;
        }
    }

    /** One lock per aggregate identifier, shared by Axon's repositories and {@link BloccoAnticipato}. */
    @Configuration(proxyBeanMethods = false)
    static class Blocchi {

        @Bean(BLOCCHI)
        LockFactory blocchiAggregati() {
            return PessimisticLockFactory.usingDefaults();
        }
    }
}
