package it.comuni.peg.query.proiezione;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.platform.database.IstantiUtc;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * The events a projection could not handle, parked in its dead-letter queue with every later
 * event of the same objective behind them (so nothing is applied out of order), and their retry
 * once the cause is fixed.
 */
@Service
public class EventiParcheggiati {

    /** How many sequences one retry call works through at most: a request must end. */
    private static final int MASSIMO_PER_TENTATIVO = 10_000;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration configurazione;
    private final Parcheggio parcheggio;

    public EventiParcheggiati(JdbcTemplate jdbc, EventProcessingConfiguration configurazione, Parcheggio parcheggio) {
        this.jdbc = jdbc;
        this.configurazione = configurazione;
        this.parcheggio = parcheggio;
    }

    public record EventoParcheggiato(String id, String proiezione, String sequenza, long posizioneNellaSequenza,
                                     String tipoEvento, String aggregato, Long numeroEvento, String causa, String messaggio,
                                     Instant parcheggiatoIl, Instant ultimoTentativo) {
    }

    public record EsitoTentativo(String proiezione, int sequenzeRiuscite, long ancoraParcheggiati) {
    }

    public List<EventoParcheggiato> elenco(String proiezione) {
        return jdbc.query("SELECT dead_letter_id, processing_group, sequence_identifier, sequence_index, payload_type,"
                        + " aggregate_identifier, sequence_number, cause_type, cause_message, enqueued_at, last_touched"
                        + " FROM dead_letter_entry WHERE (? IS NULL OR processing_group = ?)"
                        + " ORDER BY processing_group, sequence_identifier, sequence_index",
                (rs, i) -> new EventoParcheggiato(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9),
                        IstantiUtc.leggi(rs, 10), IstantiUtc.leggi(rs, 11)),
                proiezione, proiezione);
    }

    /**
     * Retries every parked sequence of the projection once, in order, one event per transaction; what
     * fails again stays parked with its new cause, behind the others.
     */
    public EsitoTentativo riprova(String proiezione) {
        if (configurazione.sequencedDeadLetterProcessor(proiezione).isEmpty()) {
            throw new NonTrovato("La proiezione '" + proiezione + "' non ha una coda di eventi parcheggiati");
        }
        long sequenze = jdbc.queryForObject("SELECT COUNT(DISTINCT sequence_identifier) FROM dead_letter_entry"
                + " WHERE processing_group = ?", Long.class, proiezione);
        int riuscite = 0;
        for (int i = 0; i < Math.min(sequenze, MASSIMO_PER_TENTATIVO); i++) {
            if (parcheggio.riprovaSequenza(proiezione)) {
                riuscite++;
            }
        }
        Long rimasti = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, proiezione);
        return new EsitoTentativo(proiezione, riuscite, rimasti == null ? 0 : rimasti);
    }
}
