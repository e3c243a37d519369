package it.comuni.peg.command.demo;

import it.comuni.peg.command.organigramma.ElencoEntiDimostrativi;
import it.comuni.peg.platform.axon.AxonConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * Only with --demo: the clock that the simulation can move on its own thread, and the demo enti's
 * configuration ({@link ElencoEntiDimostrativi}) on any database, since the demo registers its ente
 * from there on a test's fresh one too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(DemoConfig.PROPRIETA)
@EnableConfigurationProperties(ElencoEntiDimostrativi.class)
public class DemoConfig {

    public static final String PROPRIETA = "demo";

    @Bean
    @Primary
    OrologioSimulato orologioSimulato() {
        return new OrologioSimulato(Clock.system(AxonConfig.FUSO_ORARIO));
    }
}
