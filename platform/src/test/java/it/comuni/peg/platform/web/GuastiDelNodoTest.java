package it.comuni.peg.platform.web;

import it.comuni.peg.platform.transazioni.LimiteTransazioni;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.UnexpectedRollbackException;

import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a command meets when the database node it is connected to is killed, frozen or not yet back
 * in its cluster, as ops/galera/failover.py met it, answers 503 with Retry-After (nothing was
 * recorded, the client retries with its Idempotency-Key), never 500.
 */
class GuastiDelNodoTest {

    private final ProblemHandler handler = new ProblemHandler(new LimiteTransazioni(Duration.ofSeconds(30), Duration.ofSeconds(30)));

    @Test
    void aLockWaitTimeoutReadThroughJpaIsA503() {
        // Axon's JpaEventStorageEngine reads the last sequence number through the EntityManager: the
        // driver's 1205 reaches the handler as JPA's exception, which Spring never translated. On a
        // Galera node it is also the answer to a read whose wsrep_sync_wait could not be satisfied
        SQLException attesaScaduta = new SQLException("(conn=35) Lock wait timeout exceeded; try restarting transaction",
                "HY000", 1205);
        ResponseEntity<ProblemDetail> risposta = handler.inatteso(new jakarta.persistence.LockTimeoutException(
                "JDBC exception executing SQL [" + attesaScaduta.getMessage() + "]", attesaScaduta));

        assertThat(risposta.getStatusCode().value()).isEqualTo(503);
        assertThat(risposta.getHeaders().getFirst("Retry-After")).isEqualTo(Problemi.RIPROVA_TRA_SECONDI);
        assertThat(risposta.getBody().getType().toString()).endsWith("servizio-non-disponibile");
    }

    @Test
    void aCommitRefusedBecauseAnEarlierFailureWasSwallowedIsA503() {
        // Axon's AbstractEventStore catches the failed read of a snapshot ("Reconstructing from entire
        // event stream"): the connection lost under it has marked the transaction rollback-only, and
        // only the commit says so, with no cause attached
        ResponseEntity<ProblemDetail> risposta = handler.inatteso(new UnexpectedRollbackException(
                "Transaction silently rolled back because it has been marked as rollback-only"));

        assertThat(risposta.getStatusCode().value()).isEqualTo(503);
        assertThat(risposta.getBody().getType().toString()).endsWith("servizio-non-disponibile");
    }

    @Test
    void aBugIsStillA500() {
        ResponseEntity<ProblemDetail> risposta = handler.inatteso(new IllegalStateException("un errore di programmazione"));
        assertThat(risposta.getStatusCode().value()).isEqualTo(500);
    }
}
