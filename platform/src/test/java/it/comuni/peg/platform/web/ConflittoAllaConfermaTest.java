package it.comuni.peg.platform.web;

import it.comuni.peg.platform.transazioni.LimiteTransazioni;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MariaDB Connector/J raises for a deadlock and for a Galera certification failure (error 1213,
 * SQLSTATE 40001, as SQLTransactionRollbackException), wrapped as Spring, Hibernate and Axon wrap it at
 * commit, answers 409 conflitto-concorrente, never 500 nor 503; a lost connection still answers 503.
 */
class ConflittoAllaConfermaTest {

    private final ProblemHandler handler = new ProblemHandler(new LimiteTransazioni(Duration.ofSeconds(30), Duration.ofSeconds(30)));

    private static SQLTransactionRollbackException certificazioneFallita() {
        return new SQLTransactionRollbackException("(conn=42) Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
    }

    @Test
    void aConflictAtCommitIsA409TheClientMayRetry() {
        ResponseEntity<ProblemDetail> allaConferma = handler.inatteso(
                new TransactionSystemException("Could not commit JPA transaction", new JpaSystemException(
                        new RuntimeException("commit failed", certificazioneFallita()))));
        assertThat(allaConferma.getStatusCode().value()).isEqualTo(409);
        assertThat(allaConferma.getBody().getType().toString()).endsWith(Problemi.CONFLITTO_CONCORRENTE);
        assertThat(allaConferma.getBody().getDetail()).contains("riprovare");

        ResponseEntity<ProblemDetail> traduzioneDiSpring = handler.databaseNonDisponibile(
                new CannotAcquireLockException("insert", certificazioneFallita()));
        assertThat(traduzioneDiSpring.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aLostConnectionIsStillA503() {
        ResponseEntity<ProblemDetail> persa = handler.inatteso(new TransactionSystemException("commit",
                new SQLNonTransientConnectionException("socket closed", "08000")));
        assertThat(persa.getStatusCode().value()).isEqualTo(503);
    }
}
