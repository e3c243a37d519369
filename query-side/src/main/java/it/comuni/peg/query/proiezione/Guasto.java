package it.comuni.peg.query.proiezione;

import it.comuni.peg.platform.errori.Contesa;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * What kind of failure stopped a projection's transaction, which decides what happens to the event:
 * a database that is away is waited for (nothing is parked: every event would be), a lock conflict is
 * retried a few times, anything else is the event's own and parks it. Read from the root causes,
 * whatever layer (Hibernate, Spring, Axon) wrapped them.
 */
enum Guasto {

    /** Connection refused or lost, pool exhausted: the whole batch waits, Axon retries it later. */
    DATABASE_ASSENTE,
    /**
     * Deadlock (MariaDB 1213, also what Galera answers at commit on a certification conflict) or lock
     * wait timeout (1205): another transaction's fault, gone at the next attempt.
     */
    CONTESA,
    /** Data too long, a constraint, a bug in a handler, a payload that no longer deserializes. */
    PERMANENTE;

    static Guasto di(Throwable errore) {
        // contention first: Galera's conflict at commit reaches us wrapped as a failed commit
        if (Contesa.di(errore)) {
            return CONTESA;
        }
        for (Throwable t = errore; t != null; t = causa(t)) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
                return DATABASE_ASSENTE;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    // HikariCP's answer for a connection it evicted as broken, without a SQLSTATE
                    || "Connection is closed".equals(sql.getMessage()))) {
                return DATABASE_ASSENTE;
            }
        }
        return PERMANENTE;
    }

    private static Throwable causa(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
