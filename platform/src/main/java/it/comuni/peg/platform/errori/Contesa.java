package it.comuni.peg.platform.errori;

import org.springframework.dao.PessimisticLockingFailureException;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/**
 * Failures caused by another transaction, gone at the next attempt: read from the root causes,
 * whatever layer (Hibernate, Spring, Axon) wrapped them.
 * <ul>
 *   <li>a conflict at commit: MariaDB's deadlock (error 1213, SQLSTATE 40001), which is also what a
 *       Galera cluster answers when a transaction fails certification against one committed on
 *       another node (MariaDB Galera Cluster, "Certification-based replication"). Nothing of the
 *       transaction was recorded;</li>
 *   <li>a lock not obtained in time: error 1205 ({@code innodb_lock_wait_timeout}, or at once with
 *       {@code NOWAIT}).</li>
 * </ul>
 */
public final class Contesa {

    /** MariaDB's ER_LOCK_DEADLOCK, also Galera's certification failure. */
    public static final int DEADLOCK = 1213;
    /** MariaDB's ER_LOCK_WAIT_TIMEOUT. */
    public static final int ATTESA_BLOCCO_SCADUTA = 1205;

    private Contesa() {
    }

    /** A deadlock or a certification failure: the transaction was rolled back whole. */
    public static boolean conflitto(Throwable errore) {
        for (Throwable t = errore; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK || "40001".equals(sql.getSQLState())
                    || sql instanceof SQLTransactionRollbackException)) {
                return true;
            }
        }
        return false;
    }

    /** A conflict ({@link #conflitto}) or a lock not obtained in time. */
    public static boolean di(Throwable errore) {
        if (conflitto(errore)) {
            return true;
        }
        for (Throwable t = errore; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ATTESA_BLOCCO_SCADUTA
                    || t instanceof PessimisticLockingFailureException || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
