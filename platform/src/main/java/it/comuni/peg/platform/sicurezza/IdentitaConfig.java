package it.comuni.peg.platform.sicurezza;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Users and token claims are needed to know who acts, with or without HTTP (a command-line run). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({UtentiProperties.class, ClaimProperties.class})
public class IdentitaConfig {

    @Bean
    Rivendicazioni rivendicazioni(ClaimProperties proprieta) {
        return new Rivendicazioni(proprieta);
    }
}
