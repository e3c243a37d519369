package it.comuni.peg.platform.web;

import it.comuni.peg.platform.errori.Contesa;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;

/** RFC 9457 problems in the PEG's vocabulary: a stable type, an Italian title, the field errors. */
public final class Problemi {

    private static final String PREFISSO_TIPO = "urn:peg:problema:";
    public static final String CONFLITTO_CONCORRENTE = "conflitto-concorrente";
    /** Two commands on one objective at once: the loser may simply retry. */
    public static final String TIPO_CONFLITTO_CONCORRENTE = PREFISSO_TIPO + CONFLITTO_CONCORRENTE;

    private Problemi() {
    }

    /** One invalid input: the field (JSON path) and what is wrong with it. */
    public record ErroreCampo(String campo, String messaggio) {
    }

    public static ProblemDetail problema(HttpStatus stato, String tipo, String titolo, String dettaglio) {
        ProblemDetail problema = ProblemDetail.forStatusAndDetail(stato, dettaglio);
        problema.setType(URI.create(PREFISSO_TIPO + tipo));
        problema.setTitle(titolo);
        return problema;
    }

    /** Seconds a client should wait before retrying when the database is away. */
    public static final String RIPROVA_TRA_SECONDI = "5";

    /** The database is unreachable or overloaded: nothing was recorded, the client may retry. */
    public static ProblemDetail servizioNonDisponibile() {
        return problema(HttpStatus.SERVICE_UNAVAILABLE, "servizio-non-disponibile", "Servizio temporaneamente non disponibile",
                "L'archivio non è raggiungibile in questo momento: riprovare tra poco (con la stessa Idempotency-Key,"
                        + " la richiesta non sarà mai registrata due volte)");
    }

    /**
     * A transaction ran out of its time ({@code peg.transazioni}, see LimiteTransazioni): it was rolled
     * back whole, nothing was recorded. What makes it last that long is a slow database (or a
     * process paused mid-way), not the request: one transaction holds one command, or one objective
     * of an import, work that takes milliseconds to seconds. So it is a 503 the client may retry,
     * not a 4xx asking it to change the request.
     */
    public static ProblemDetail transazioneScaduta(Duration durataMassima) {
        return problema(HttpStatus.SERVICE_UNAVAILABLE, "tempo-scaduto", "Tempo massimo superato",
                "L'archivio è troppo lento in questo momento: la richiesta non si è conclusa entro il tempo massimo di "
                        + durataMassima.toSeconds() + " secondi ed è stata annullata, nulla ne è stato registrato. Riprovare tra"
                        + " poco (con la stessa Idempotency-Key, la richiesta non sarà mai registrata due volte)");
    }

    /**
     * True when a failure is a transaction that ran out of its time: Spring's deadline
     * (TransactionTimedOutException), or a statement the database stopped at the query timeout
     * Spring gave it from that deadline, whatever layer wrapped it.
     */
    public static boolean transazioneScaduta(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.transaction.TransactionTimedOutException || t instanceof SQLTimeoutException
                    || t instanceof org.springframework.dao.QueryTimeoutException || t instanceof jakarta.persistence.QueryTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The problem for a failure of the database, or null when it is none: the transaction out of
     * its time ({@link #transazioneScaduta(Duration)}), or the database away
     * ({@link #servizioNonDisponibile()}). Both 503, both with {@link #RIPROVA_TRA_SECONDI}.
     */
    public static ProblemDetail guastoDelDatabase(Throwable e, Duration durataMassima) {
        if (transazioneScaduta(e)) {
            return transazioneScaduta(durataMassima);
        }
        return databaseNonDisponibile(e) ? servizioNonDisponibile() : null;
    }

    /**
     * True when a failure comes from the database being away (connection refused or lost, pool
     * timeout, lock wait), whatever layer wrapped it: Hibernate, Axon and Spring each wrap the
     * driver's exception in their own, and only the root tells a fault of the database from a bug.
     * A lock wait is MariaDB's error 1205 however it arrives ({@link Contesa#di}): Axon's event store
     * reads through JPA, whose LockTimeoutException Spring never translates; on a Galera node the same
     * error is a read that could not wait for the cluster's writes (wsrep_sync_wait) within
     * repl.causal_read_timeout, e.g. on a node just woken from a freeze and not yet back in the cluster.
     */
    public static boolean databaseNonDisponibile(Throwable e) {
        if (Contesa.di(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    // commit or rollback failed at the JDBC level: only a lost connection does that
                    || t instanceof org.hibernate.TransactionException
                    // the commit found the transaction marked rollback-only by a failure some layer caught
                    // and did not rethrow: Axon reads an objective's snapshot that way, and a connection
                    // lost under that read (a database node killed) leaves only this behind. Rolled back
                    // whole, nothing recorded: the client may retry
                    || t instanceof org.springframework.transaction.UnexpectedRollbackException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                // HikariCP's answer for a connection it evicted as broken, without a SQLSTATE
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                // SQLSTATE class 08: connection exception
                return true;
            }
        }
        return false;
    }

    /**
     * A refusal that has no words of its own (a status the container or Spring MVC set): {@code richiesta-rifiutata}
     * with {@code dettaglio} and the status as it is (one HTTP does not name too); a 5xx is the generic
     * {@code errore-interno}, which says nothing of the internals.
     */
    public static ProblemDetail rifiutata(int stato, String dettaglio) {
        HttpStatus noto = HttpStatus.resolve(stato);
        if (noto != null && noto.is5xxServerError()) {
            return problema(noto, "errore-interno", "Errore interno",
                    "Si è verificato un errore inatteso; è stato registrato nei log del server");
        }
        ProblemDetail problema = problema(noto == null ? HttpStatus.BAD_REQUEST : noto, "richiesta-rifiutata", "Richiesta rifiutata",
                dettaglio);
        problema.setStatus(stato);
        return problema;
    }

    public static ProblemDetail inputNonValido(String dettaglio, List<ErroreCampo> errori) {
        ProblemDetail problema = problema(HttpStatus.BAD_REQUEST, "input-non-valido", "Richiesta non valida", dettaglio);
        problema.setProperty("errori", errori);
        return problema;
    }
}
