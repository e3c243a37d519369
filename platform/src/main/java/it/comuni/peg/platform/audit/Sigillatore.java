package it.comuni.peg.platform.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Seals every event into the hash chain, in global-index order: a tracking processor with a
 * single segment sees the events in that order, and commits each seal with its token. It reads
 * the row as stored (not the event re-serialized), so the chain covers exactly what is on disk.
 * Idempotent: an event already sealed (a stolen token, a retry) is skipped.
 */
@Component
@ProcessingGroup(Sigillatore.PROCESSORE)
public class Sigillatore {

    public static final String PROCESSORE = "sigilli";

    private final JdbcTemplate jdbc;

    public Sigillatore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void sigilla(EventMessage<?> evento) {
        List<EventoMemorizzato> righe = jdbc.query("SELECT " + EventoMemorizzato.COLONNE
                + " FROM domain_event_entry WHERE event_identifier = ?", (rs, i) -> EventoMemorizzato.da(rs), evento.getIdentifier());
        if (righe.isEmpty()) {
            return;
        }
        EventoMemorizzato riga = righe.get(0);
        Integer giaSigillato = jdbc.queryForObject("SELECT COUNT(*) FROM sigillo_evento WHERE global_index = ?",
                Integer.class, riga.globalIndex());
        if (giaSigillato != null && giaSigillato > 0) {
            return;
        }
        List<String> precedente = jdbc.queryForList("SELECT hash FROM sigillo_evento WHERE global_index < ?"
                + " ORDER BY global_index DESC LIMIT 1", String.class, riga.globalIndex());
        String hashPrecedente = precedente.isEmpty() ? EventoMemorizzato.GENESI : precedente.get(0);
        jdbc.update("INSERT INTO sigillo_evento (global_index, hash, hash_precedente, sigillato_il) VALUES (?, ?, ?, ?)",
                riga.globalIndex(), riga.hash(hashPrecedente), hashPrecedente, Timestamp.from(Instant.now()));
    }
}
