package it.comuni.peg.guasti;

import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures planted in the scheda projection's transaction, for the consuntivi of the objective named by
 * {@link #obiettivo}, each where a real one would strike: a constraint broken while the batch's rows are
 * written (before the commit, outside any handler), a failure in the commit itself, a deadlock raised
 * by the database inside a handler, a connection lost inside a handler. The handler's own exception is
 * {@link GuastoScheda}'s.
 */
@Component
@ProcessingGroup(Proiezioni.SCHEDA)
@ConditionalOnProperty("peg.test.guasti-piantati")
public class GuastiPiantati {

    public enum Tipo {
        /** A duplicate key in assegnazione_persona, written with the batch's rows just before its commit. */
        VINCOLO,
        /** The commit fails (a transaction synchronisation throws as the commit begins). */
        COMMIT,
        /** MariaDB's deadlock (1213) inside the handler, {@link #contese} times, then no more. */
        CONTESA,
        /**
         * The connection to the database lost inside the handler (SQLSTATE 08S01): nothing is parked for a
         * database that is away, the batch fails, and Axon retries the segment after a back-off, for ever.
         */
        CONNESSIONE
    }

    public static volatile String obiettivo;
    public static volatile Tipo tipo;
    public static final AtomicInteger contese = new AtomicInteger();

    private final JdbcTemplate jdbc;

    public GuastiPiantati(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static void ripara() {
        obiettivo = null;
        tipo = null;
        contese.set(0);
    }

    @EventHandler
    void on(ConsuntivoRegistrato e) {
        if (!e.obiettivoId().valore().equals(obiettivo) || tipo == null) {
            return;
        }
        switch (tipo) {
            case VINCOLO -> CurrentUnitOfWork.get().root().onPrepareCommit(u -> {
                for (int i = 0; i < 2; i++) {
                    jdbc.update("INSERT INTO assegnazione_persona (obiettivo_id, nome, inizio, ente, anno, fine)"
                            + " VALUES (?, 'DOPPIO', '2023-01-01', 'c_prova', 2023, '2023-12-31')", e.obiettivoId().valore());
                }
            });
            case COMMIT -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean soloLettura) {
                    throw new IllegalStateException("Guasto simulato al commit");
                }
            });
            case CONNESSIONE -> throw new DataAccessResourceFailureException("Connessione persa (simulata)",
                    new SQLNonTransientConnectionException("Connessione al database persa (guasto piantato)", "08S01"));
            case CONTESA -> {
                if (contese.getAndDecrement() > 0) {
                    throw new CannotAcquireLockException("Deadlock simulato", new SQLTransactionRollbackException(
                            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
                }
            }
        }
    }
}
