package it.comuni.peg.command.organigramma;

import it.comuni.peg.platform.database.SenzaDatabaseEsterno;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The embedded default's enti, as its demo users need them: each one listed under
 * {@code peg.enti-dimostrativi} ({@link ElencoEntiDimostrativi}) is registered at start-up (as the
 * system) unless it already is. Never on an external database, where enti are registered by the
 * installation's administrator ({@code POST /api/enti}).
 */
@Component
@Conditional(SenzaDatabaseEsterno.class)
@EnableConfigurationProperties(ElencoEntiDimostrativi.class)
class EntiDimostrativi implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EntiDimostrativi.class);

    private final ElencoEntiDimostrativi elenco;
    private final Organigrammi organigrammi;
    private final CommandGateway comandi;

    EntiDimostrativi(ElencoEntiDimostrativi elenco, Organigrammi organigrammi, CommandGateway comandi) {
        this.elenco = elenco;
        this.organigrammi = organigrammi;
        this.comandi = comandi;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ElencoEntiDimostrativi.Ente e : elenco.entiDimostrativi()) {
            if (organigrammi.codiceEnte(e.ente()).isEmpty()) {
                comandi.sendAndWait(e.registrazione());
                log.info("Ente dimostrativo registrato: {} ({})", e.ente(), e.nome());
            }
        }
    }
}
