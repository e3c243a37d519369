package it.comuni.peg.command.concorrenza;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the commands on one objective in line until the database transaction that holds their
 * events commits. Axon's own aggregate lock ends with its unit of work; when the command runs
 * inside a longer transaction (the Idempotency-Key's, which stores the answer with the events),
 * the next command on the same objective would read it before those events are committed, and
 * lose with a spurious 409. The lock is released when the Spring transaction the command runs in
 * completes: Axon's own when the command runs alone, the enclosing one (the Idempotency-Key's)
 * when there is one. Across processes
 * the database's unique (aggregate, sequence) still decides, as it always does.
 * <p>
 * Striped locks: a fixed set, so nothing grows with the number of objectives; two objectives that
 * share a stripe only wait for each other briefly. A lock not obtained within the wait (a long
 * transaction holding many objectives) is not waited for further: Axon's lock and the unique
 * constraint still guard the store, at worst with a 409.
 * <p>
 * The same place keeps the cache of loaded objectives ({@link CacheObiettivi}) true: checked against
 * the store before the command, emptied of the objective when the transaction does not commit.
 */
@Component
public class BloccoFinoAlCommit implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(BloccoFinoAlCommit.class);
    private static final int STRISCE = 256;
    private static final long ATTESA_MASSIMA_SECONDI = 10;

    private final ReentrantLock[] strisce = new ReentrantLock[STRISCE];
    private final CommandTargetResolver bersaglio;
    private final CacheObiettivi cache;
    private final EventStore eventStore;

    public BloccoFinoAlCommit(CommandTargetResolver bersaglio, CacheObiettivi cache, EventStore eventStore) {
        this.bersaglio = bersaglio;
        this.cache = cache;
        this.eventStore = eventStore;
        for (int i = 0; i < STRISCE; i++) {
            strisce[i] = new ReentrantLock();
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String obiettivo = obiettivo(unitOfWork.getMessage());
        if (obiettivo == null) {
            return chain.proceed();
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // no Spring transaction at all (a bus without a transaction manager): nothing to wait for,
            // and no commit to know the cached objective by
            cache.remove(obiettivo);
            return chain.proceed();
        }
        ReentrantLock lock = strisce[Math.floorMod(obiettivo.hashCode(), STRISCE)];
        boolean inFila = lock.tryLock(ATTESA_MASSIMA_SECONDI, TimeUnit.SECONDS);
        if (!inFila) {
            LOG.warn("Obiettivo {} occupato da oltre {} s: procedo senza attendere il commit altrui", obiettivo,
                    ATTESA_MASSIMA_SECONDI);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int stato) {
                if (stato != STATUS_COMMITTED) {
                    // Axon forgets the objective when its own unit of work rolls back; this is the
                    // enclosing transaction (the Idempotency-Key's) failing after Axon committed
                    cache.remove(obiettivo);
                }
                if (inFila) {
                    lock.unlock();
                }
            }
        });
        cache.verifica(obiettivo, () -> eventStore.lastSequenceNumberFor(obiettivo).orElse(null));
        return chain.proceed();
    }

    private String obiettivo(CommandMessage<?> comando) {
        try {
            return bersaglio.resolveTarget(comando).getIdentifier();
        } catch (IllegalArgumentException e) {
            // a command without a target objective
            return null;
        }
    }
}
