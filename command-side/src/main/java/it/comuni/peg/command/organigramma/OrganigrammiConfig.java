package it.comuni.peg.command.organigramma;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group of {@link OrganigrammiInTabelle} as a subscribing processor: invoked by the
 * event bus while the command's unit of work prepares its commit, so its rows share the command's
 * transaction. A failure in a handler propagates (Axon's default for a listener would log it and go
 * on, leaving the tables behind the events) and so rolls the command back.
 */
@Configuration(proxyBeanMethods = false)
public class OrganigrammiConfig {

    @Bean
    public ConfigurerModule organigrammiNelComando() {
        return configurer -> configurer.eventProcessing(ep -> ep
                .registerSubscribingEventProcessor(OrganigrammiInTabelle.GRUPPO)
                .registerListenerInvocationErrorHandler(OrganigrammiInTabelle.GRUPPO, c -> PropagatingErrorHandler.instance()));
    }
}
