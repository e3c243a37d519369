package it.comuni.peg.platform.processori;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready only when every event processor of this process runs, none is in error (else OUT_OF_SERVICE),
 * and none has a segment stuck (else DOWN): one that has not advanced for {@code peg.processori.stallo-massimo}
 * while events wait beyond it, wherever it is held, or if nobody holds it ({@link SorveglianzaSegmenti}).
 * Its projection no longer follows the event store, whatever this process's own processors say. The
 * details (for the OPS role) give, per processor, its state, lag and longest stall, and for each stuck
 * segment its status: which event it has not passed, of which objective, and why.
 */
@Component("processoriHealthIndicator")
public class ProcessoriHealthIndicator extends AbstractHealthIndicator {

    private final Processori processori;
    private final SorveglianzaSegmenti sorveglianza;

    public ProcessoriHealthIndicator(Processori processori, SorveglianzaSegmenti sorveglianza) {
        super("Controllo dei processori di eventi non riuscito");
        this.processori = processori;
        this.sorveglianza = sorveglianza;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean tuttiAttivi = true;
        boolean bloccati = false;
        for (String nome : processori.nomi()) {
            var processore = processori.processore(nome);
            boolean attivo = processore.isRunning() && !processore.isError();
            tuttiAttivi &= attivo;
            List<StatoSegmento> segmenti = sorveglianza.stati(nome, true);
            List<StatoSegmento> fermi = segmenti.stream().filter(StatoSegmento::bloccato).toList();
            bloccati |= !fermi.isEmpty();
            Map<String, Object> dettaglio = new LinkedHashMap<>();
            dettaglio.put("stato", !fermi.isEmpty() ? "segmenti bloccati" : attivo ? "attivo" : processore.isError() ? "in errore" : "fermo");
            dettaglio.put("ritardoEventi", segmenti.stream().mapToLong(StatoSegmento::ritardoEventi).max().orElse(0));
            dettaglio.put("fermoDaSecondi", StatoSegmento.stalloPiuLungo(segmenti));
            if (!fermi.isEmpty()) {
                dettaglio.put("segmentiBloccati", fermi);
            }
            builder.withDetail(nome, dettaglio);
        }
        builder.withDetail("stalloMassimoSecondi", sorveglianza.stalloMassimo().toSeconds());
        if (bloccati) {
            builder.down();
        } else if (tuttiAttivi) {
            builder.up();
        } else {
            builder.outOfService();
        }
    }
}
