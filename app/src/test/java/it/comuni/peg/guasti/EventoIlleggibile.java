package it.comuni.peg.guasti;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A payload that no longer deserializes while {@link #guasto} is set, as an event stored by older code
 * would after an incompatible change, until an upcaster (or a fix of the class) reads it again.
 */
public record EventoIlleggibile(String valore) {

    public static volatile boolean guasto;

    @JsonCreator
    public static EventoIlleggibile di(@JsonProperty("valore") String valore) {
        if (guasto) {
            throw new IllegalStateException("Payload illeggibile (simulato)");
        }
        return new EventoIlleggibile(valore);
    }
}
