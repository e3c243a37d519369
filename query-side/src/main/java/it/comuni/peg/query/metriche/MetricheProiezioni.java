package it.comuni.peg.query.metriche;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PEG in ops' words: {@code peg_obiettivi{stato,settore}} and {@code peg_fasi_in_ritardo},
 * counted from the scheda projection every 30 seconds (not at each scrape: a national PEG is
 * hundreds of thousands of rows). The stato follows StatoAlGiorno, written in SQL as the PEG
 * list's filter does.
 */
@Component
public class MetricheProiezioni {

    private static final String STATO_OGGI = "CASE WHEN completato THEN 'COMPLETATO'"
            + " WHEN scadenza_aperta < ? THEN 'IN_RITARDO'"
            + " WHEN avviato THEN 'IN_CORSO' ELSE 'NON_AVVIATO' END";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MultiGauge obiettivi;
    private final AtomicLong fasiInRitardo = new AtomicLong();

    public MetricheProiezioni(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.obiettivi = MultiGauge.builder("peg_obiettivi").description("Objectives by stato and settore, today")
                .register(registry);
        registry.gauge("peg_fasi_in_ritardo", fasiInRitardo);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${peg.metriche.aggiornamento-ms:30000}")
    public void aggiorna() {
        Date oggi = Date.valueOf(LocalDate.now(clock));
        List<MultiGauge.Row<?>> righe = jdbc.query("SELECT settore, " + STATO_OGGI + " AS stato, COUNT(*) FROM scheda_obiettivo"
                        + " GROUP BY settore, stato",
                (rs, i) -> MultiGauge.Row.of(Tags.of("settore", rs.getString(1), "stato", rs.getString(2)), rs.getLong(3)),
                oggi);
        obiettivi.register(righe, true);
        Long fasi = jdbc.queryForObject("SELECT COUNT(*) FROM scheda_obiettivo s, JSON_TABLE(s.documento, '$.fasi[*]'"
                + " COLUMNS (fine DATE PATH '$.fine', completata DATE PATH '$.completataIl')) f"
                + " WHERE f.fine < ? AND f.completata IS NULL", Long.class, oggi);
        fasiInRitardo.set(fasi == null ? 0 : fasi);
    }
}
