package it.comuni.peg.command.idempotenza;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The table richiesta_idempotente: one row per (user, key), written once. */
@Repository
class RisposteIdempotenti {

    private final JdbcTemplate jdbc;

    RisposteIdempotenti(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RispostaRegistrata> trova(String utente, String chiave) {
        return jdbc.query("SELECT impronta, stato_http, tipo_contenuto, posizione, etag, corpo FROM richiesta_idempotente"
                        + " WHERE utente = ? AND chiave = ?",
                (rs, i) -> new RispostaRegistrata(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)),
                utente, chiave).stream().findFirst();
    }

    /** Claims the key: a concurrent request with the same key waits on this row's lock, then fails. */
    void registra(String utente, String chiave, RispostaRegistrata risposta) {
        jdbc.update("INSERT INTO richiesta_idempotente (utente, chiave, impronta, stato_http, tipo_contenuto, posizione,"
                        + " etag, corpo, registrata_il) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                utente, chiave, risposta.impronta(), risposta.stato(), risposta.tipoContenuto(), risposta.posizione(),
                risposta.etag(), risposta.corpo(), Timestamp.from(Instant.now()));
    }

    void completa(String utente, String chiave, RispostaRegistrata risposta) {
        jdbc.update("UPDATE richiesta_idempotente SET stato_http = ?, tipo_contenuto = ?, posizione = ?, etag = ?, corpo = ?"
                        + " WHERE utente = ? AND chiave = ?",
                risposta.stato(), risposta.tipoContenuto(), risposta.posizione(), risposta.etag(), risposta.corpo(),
                utente, chiave);
    }
}
