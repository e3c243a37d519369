package it.comuni.peg.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** The PEG's calendar is the ente's: "this month" and "end of that day" are Italian time. */
    public static final ZoneId FUSO_ORARIO = ZoneId.of("Europe/Rome");

    @Bean
    public Clock clock() {
        return Clock.system(FUSO_ORARIO);
    }

    /**
     * Jackson for events, messages and tokens alike (XStream cannot read records), with its own
     * ObjectMapper: the web one rejects unknown fields, while an old event read by newer code must
     * not fail on a field that was removed since.
     */
    @Bean
    @Primary
    public Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    /** Declaring any provider removes Axon's default one: keep the origin (correlation, trace) too. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Who did it and how they had signed in, and the client's idempotency key: copied from each command onto its events. So is the
     * demo's mark of a simulated, back-dated command (only the demo runner ever sets it).
     */
    @Bean
    public CorrelationDataProvider chiDaComando() {
        return new SimpleCorrelationDataProvider(Metadati.UTENTE, Metadati.ENTE, Metadati.RUOLO, Metadati.PERSONA,
                Metadati.AUTENTICAZIONE, Metadati.EMITTENTE, Metadati.AUTENTICATO_IL, Metadati.CHIAVE_IDEMPOTENZA,
                Metadati.RICHIESTA, Metadati.SIMULAZIONE, Metadati.REGISTRATO_IL);
    }
}
