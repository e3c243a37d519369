package it.comuni.peg.query.proiezione;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries the parked events of every projection periodically, so that a transient cause (a
 * deadlock, a lost connection, a lock wait timeout) heals without anyone: what fails again stays
 * parked, in order, and is tried again at the next round. A real bug stays visible to ops in
 * peg_dead_letters and in the admin list meanwhile.
 */
@Component
public class RipresaAutomatica {

    private static final Logger LOG = LoggerFactory.getLogger(RipresaAutomatica.class);

    private final EventiParcheggiati parcheggiati;
    private final JdbcTemplate jdbc;

    public RipresaAutomatica(EventiParcheggiati parcheggiati, JdbcTemplate jdbc) {
        this.parcheggiati = parcheggiati;
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelayString = "${peg.proiezioni.ripresa-parcheggiati:PT1M}",
            fixedDelayString = "${peg.proiezioni.ripresa-parcheggiati:PT1M}")
    public void riprendi() {
        for (String proiezione : Proiezioni.TUTTE) {
            try {
                Long quanti = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
                        Long.class, proiezione);
                if (quanti != null && quanti > 0) {
                    EventiParcheggiati.EsitoTentativo esito = parcheggiati.riprova(proiezione);
                    LOG.info("Proiezione {}: {} sequenze riprese, {} eventi ancora parcheggiati", proiezione,
                            esito.sequenzeRiuscite(), esito.ancoraParcheggiati());
                }
            } catch (RuntimeException e) {
                // the database may be away: the next round tries again
                LOG.debug("Ripresa degli eventi parcheggiati di {} rinviata: {}", proiezione, e.toString());
            }
        }
    }
}
