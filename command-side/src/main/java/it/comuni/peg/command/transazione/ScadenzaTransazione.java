package it.comuni.peg.command.transazione;

import it.comuni.peg.command.concorrenza.BloccoAnticipato;
import it.comuni.peg.platform.transazioni.LimiteTransazioni;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;

/**
 * The client's half of {@link LimiteTransazioni}: every transaction in which commands append events
 * gets a deadline, {@link LimiteTransazioni#durataMassima()} after its first command started, and
 * nothing of it commits after the deadline. One command has its own transaction (Axon's command
 * bus starts it); the commands of one objective of an import share their caller's, and the
 * deadline counts from the first of them.
 * <p>
 * Enforced three ways, with Spring's own deadline: it is put on the transaction's JDBC and JPA
 * resources, so every query through JdbcTemplate or the shared EntityManager gets the time left as
 * its timeout and none starts after it ({@link TransactionTimedOutException}); every command checks
 * it before it runs; and the commit checks it last, in {@code beforeCommit}, after the events were
 * flushed, so a transaction that spent its time anywhere (statements, waits, a pause) is rolled back
 * instead of committed. Whatever is thrown rolls the whole transaction back, events,
 * idempotency key and all: the client gets a 503 it may retry.
 * <p>
 * A command without a transaction is refused: its events would commit on their own, unbounded.
 */
@Component
@Order(ScadenzaTransazione.ORDINE)
public class ScadenzaTransazione implements MessageHandlerInterceptor<CommandMessage<?>> {

    /**
     * Right after {@link BloccoAnticipato}: waiting for another command on the same objective is
     * not time of this transaction (it has sent nothing yet, and holds no global index).
     */
    public static final int ORDINE = BloccoAnticipato.ORDINE + 1;

    private final LimiteTransazioni limite;

    public ScadenzaTransazione(LimiteTransazioni limite) {
        this.limite = limite;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Comando senza transazione: il bus dei comandi non ha un gestore di transazioni");
        }
        Scadenza scadenza = (Scadenza) TransactionSynchronizationManager.getResource(Scadenza.class);
        if (scadenza == null) {
            scadenza = new Scadenza(System.nanoTime() + limite.durataMassima().toNanos(), limite.durataMassima());
            TransactionSynchronizationManager.bindResource(Scadenza.class, scadenza);
            TransactionSynchronizationManager.registerSynchronization(scadenza);
        }
        scadenza.verifica();
        scadenza.applicaAlleRisorse();
        return chain.proceed();
    }

    /** The deadline of one transaction, bound to it as a resource, released with it. */
    private record Scadenza(long entroNanos, Duration durata) implements TransactionSynchronization {

        void verifica() {
            if (System.nanoTime() - entroNanos > 0) {
                throw new TransactionTimedOutException("Transazione oltre la durata massima di " + durata
                        + " (peg.transazioni.durata-massima): annullata");
            }
        }

        /**
         * Puts the deadline on every resource of the transaction (the JPA EntityManager, the JDBC
         * connection): Spring then gives each statement the time left as its query timeout, and
         * refuses one after the deadline. A resource bound later in the transaction (none today) gets
         * it from the next command.
         */
        void applicaAlleRisorse() {
            long rimastiMillis = Math.max(1, (entroNanos - System.nanoTime()) / 1_000_000);
            for (Object risorsa : TransactionSynchronizationManager.getResourceMap().values()) {
                if (risorsa instanceof ResourceHolderSupport detentore
                        && (!detentore.hasTimeout() || detentore.getTimeToLiveInMillis() > rimastiMillis)) {
                    detentore.setTimeoutInMillis(rimastiMillis);
                }
            }
        }

        /** The last check, after every statement: a transaction past its deadline is rolled back, not committed. */
        @Override
        public void beforeCommit(boolean readOnly) {
            verifica();
        }

        @Override
        public void afterCompletion(int stato) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Scadenza.class);
        }
    }
}
