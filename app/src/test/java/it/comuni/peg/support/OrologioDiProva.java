package it.comuni.peg.support;

import it.comuni.peg.platform.axon.AxonConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;

/**
 * The application's clock replaced by an {@link OrologioMobile} that the test moves by hand, in the
 * application's time zone ({@link AxonConfig#FUSO_ORARIO}), starting at the instant of the property
 * {@value #INIZIO} (ISO-8601, {@code 2023-01-02T08:00:00Z}). A test class imports it and names its start:
 * <pre>
 * &#64;SpringBootTest(..., properties = OrologioDiProva.INIZIO + "=2023-01-02T08:00:00Z")
 * &#64;Import(OrologioDiProva.class)
 * </pre>
 * Spring caches a context by its properties too, so a class with a start of its own gets a context,
 * and a clock, of its own. Not picked up by component scanning ({@code @TestConfiguration}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class OrologioDiProva {

    /** The property that holds the clock's first instant; the context fails to start without it. */
    public static final String INIZIO = "peg.prova.orologio.inizio";

    @Bean
    @Primary
    OrologioMobile orologioMobile(@Value("${" + INIZIO + "}") String inizio) {
        return new OrologioMobile(Instant.parse(inizio), AxonConfig.FUSO_ORARIO);
    }
}
