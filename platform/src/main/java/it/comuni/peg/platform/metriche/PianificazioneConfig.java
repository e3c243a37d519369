package it.comuni.peg.platform.metriche;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work (metric refreshes) runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PianificazioneConfig {
}
