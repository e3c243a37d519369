package it.comuni.peg.command.idempotenza;

import it.comuni.peg.platform.database.IstantiUtc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/**
 * The table richiesta_idempotente: one row per (user, key), written by the unit of work of the
 * command that claimed the key, in the transaction that appends its events (JdbcTemplate joins the
 * transaction Axon started), so the row and the events commit or roll back together.
 */
@Repository
class RisposteIdempotenti {

    private final JdbcTemplate jdbc;

    RisposteIdempotenti(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for a request with this fingerprint: true when the key is now this
     * transaction's, false when an earlier request committed it (read it with {@link #trova}). A
     * transaction that claimed the key and has not ended yet (in another process, or a command on
     * another aggregate) holds the row's lock: the insert waits for it, then fails as a duplicate
     * if that transaction committed, or succeeds if it rolled back.
     */
    boolean rivendica(String utente, String chiave, String impronta) {
        try {
            jdbc.update("INSERT INTO richiesta_idempotente (utente, chiave, impronta, registrata_il) VALUES (?, ?, ?, ?)",
                    utente, chiave, impronta, IstantiUtc.colonna(Instant.now()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** What was committed under the key (under READ COMMITTED, the row a claim collided with is visible). */
    Optional<RispostaRegistrata> trova(String utente, String chiave) {
        return jdbc.query("SELECT impronta, tipo_esito, esito FROM richiesta_idempotente WHERE utente = ? AND chiave = ?",
                (rs, i) -> new RispostaRegistrata(rs.getString(1), rs.getString(2), rs.getBytes(3)),
                utente, chiave).stream().findFirst();
    }

    /** The command's result, beside the key this transaction claimed. */
    void registra(String utente, String chiave, String tipoEsito, byte[] esito) {
        jdbc.update("UPDATE richiesta_idempotente SET tipo_esito = ?, esito = ? WHERE utente = ? AND chiave = ?",
                tipoEsito, esito, utente, chiave);
    }
}
