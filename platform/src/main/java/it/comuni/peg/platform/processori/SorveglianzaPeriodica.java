package it.comuni.peg.platform.processori;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every segment of every processor of this process at a steady pace, whether or not anyone asks, so
 * that segmento_processore knows when each wait began even while no node holds the segment: the stall
 * is then measured from there, within one period ({@code peg.processori.sorveglianza}, 2 s by default).
 */
@Component
public class SorveglianzaPeriodica {

    private static final Logger LOG = LoggerFactory.getLogger(SorveglianzaPeriodica.class);

    private final Processori processori;
    private final SorveglianzaSegmenti sorveglianza;

    public SorveglianzaPeriodica(Processori processori, SorveglianzaSegmenti sorveglianza) {
        this.processori = processori;
        this.sorveglianza = sorveglianza;
    }

    /** One round: every processor of this process, read and recorded; a database that is away waits for the next. */
    @Scheduled(initialDelayString = "${peg.processori.sorveglianza:PT2S}", fixedDelayString = "${peg.processori.sorveglianza:PT2S}")
    public void sorveglia() {
        for (String nome : processori.nomi()) {
            try {
                sorveglianza.stati(nome, false);
            } catch (RuntimeException e) {
                // the database may be away: the next round reads again
                LOG.debug("Sorveglianza dei segmenti di {} rinviata: {}", nome, e.toString());
            }
        }
    }
}
