package it.comuni.peg.platform.transazioni;

import it.comuni.peg.platform.audit.Sigillatore;
import it.comuni.peg.platform.axon.EventStoreConfig;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * The bound on transactions that append events ({@link LimiteTransazioni}): checked against the
 * gap timeout before any bean exists, so a process configured to skip events refuses to start at
 * once, saying why; enforced on the server for every connection ({@link InattivitaSulServer}). The
 * command side checks the client's half on every command.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimiteTransazioni.class)
public class TransazioniConfig {

    /** Refuses to start (IllegalStateException, in Italian) when the bound is not well below the gap timeout. */
    @Bean
    static BeanFactoryPostProcessor controlloLimiteTransazioni(Environment ambiente) {
        return beanFactory -> LimiteTransazioni.da(ambiente).verificaRispetto(durata(ambiente, EventStoreConfig.GAP_TIMEOUT),
                durata(ambiente, Sigillatore.ATTESA_BUCHI));
    }

    @Bean
    static InattivitaSulServer inattivitaSulServer(Environment ambiente) {
        return new InattivitaSulServer(LimiteTransazioni.da(ambiente));
    }

    /** A duration property as {@code @Value} reads it: the placeholder with its default, "10m" or ISO-8601. */
    private static Duration durata(Environment ambiente, String segnaposto) {
        return DurationStyle.detectAndParse(ambiente.resolveRequiredPlaceholders(segnaposto));
    }
}
