package it.comuni.peg.command.importazione;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * A command-line import starts no web server: nothing listens while it runs. Spring binds spring.main.* after the environment post-processors,
 * so setting it here is early enough. Registered in META-INF/spring.factories.
 */
public class ImportazioneSenzaServerWeb implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(ImportazioneDaRigaDiComando.PROPRIETA)) {
            environment.getPropertySources().addFirst(new MapPropertySource("importazione-da-riga-di-comando",
                    Map.of("spring.main.web-application-type", "none")));
        }
    }
}
