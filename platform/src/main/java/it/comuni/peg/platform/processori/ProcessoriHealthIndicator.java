package it.comuni.peg.platform.processori;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Ready only when every event processor of this process runs and none is in error. */
@Component("processoriHealthIndicator")
public class ProcessoriHealthIndicator extends AbstractHealthIndicator {

    private final Processori processori;

    public ProcessoriHealthIndicator(Processori processori) {
        super("Controllo dei processori di eventi non riuscito");
        this.processori = processori;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean tuttiAttivi = true;
        for (String nome : processori.nomi()) {
            var processore = processori.processore(nome);
            boolean attivo = processore.isRunning() && !processore.isError();
            tuttiAttivi &= attivo;
            builder.withDetail(nome, attivo ? "attivo" : processore.isError() ? "in errore" : "fermo");
        }
        if (tuttiAttivi) {
            builder.up();
        } else {
            builder.outOfService();
        }
    }
}
