package it.comuni.peg.query.scheda;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The stored form of a scheda: Spring's ObjectMapper (so the document has the API's shape), made
 * tolerant of fields that a newer version of the code no longer has.
 */
@Component
public class SchedaJson {

    private final ObjectMapper mapper;

    public SchedaJson(ObjectMapper objectMapper) {
        this.mapper = objectMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public String scrivi(Scheda scheda) {
        try {
            return mapper.writeValueAsString(scheda);
        } catch (JacksonException e) {
            throw new IllegalStateException("Scheda non serializzabile: " + scheda.id(), e);
        }
    }

    public Scheda leggi(String json) {
        try {
            return mapper.readValue(json, Scheda.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("Documento della scheda illeggibile", e);
        }
    }
}
