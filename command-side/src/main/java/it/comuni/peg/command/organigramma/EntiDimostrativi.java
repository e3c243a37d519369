package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.organigramma.RegistraEnte;
import it.comuni.peg.platform.database.SenzaDatabaseEsterno;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The embedded default's enti, as its demo users need them: each one listed under
 * {@code peg.enti-dimostrativi} is registered at start-up (as the system) unless it already is. Never
 * on an external database, where enti are registered by the installation's administrator
 * ({@code POST /api/enti}).
 */
@Component
@Conditional(SenzaDatabaseEsterno.class)
@EnableConfigurationProperties(EntiDimostrativi.Elenco.class)
class EntiDimostrativi implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EntiDimostrativi.class);

    private final Elenco elenco;
    private final Organigrammi organigrammi;
    private final CommandGateway comandi;

    EntiDimostrativi(Elenco elenco, Organigrammi organigrammi, CommandGateway comandi) {
        this.elenco = elenco;
        this.organigrammi = organigrammi;
        this.comandi = comandi;
    }

    /** {@code ente}: codice IPA; {@code denominazioniPrecedenti}: the names older events may carry. */
    @ConfigurationProperties(prefix = "peg")
    record Elenco(List<Ente> entiDimostrativi) {

        Elenco {
            entiDimostrativi = entiDimostrativi == null ? List.of() : entiDimostrativi;
        }

        record Ente(String ente, String nome, String codiceIstat, List<String> denominazioniPrecedenti) {
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Elenco.Ente e : elenco.entiDimostrativi()) {
            if (organigrammi.codiceEnte(e.ente()).isEmpty()) {
                comandi.sendAndWait(new RegistraEnte(e.ente(), e.nome(), e.codiceIstat(), e.denominazioniPrecedenti()));
                log.info("Ente dimostrativo registrato: {} ({})", e.ente(), e.nome());
            }
        }
    }
}
