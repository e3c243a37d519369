package it.comuni.peg.api.comune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The identity of an Obiettivo PEG. Travels as a plain string in JSON and as the aggregate id. */
public record ObiettivoId(String valore) {

    /** Letters, digits, '-' and '_' (a UUID is 36): it names a stream and the projections' rows. */
    public static final int LUNGHEZZA_MASSIMA = 64;

    public ObiettivoId {
        Testo.richiesto(valore, "id");
        if (valore.length() > LUNGHEZZA_MASSIMA || !valore.matches("[A-Za-z0-9_-]+")) {
            throw new ValoreNonValido("id", "L'identificativo dell'obiettivo contiene caratteri non ammessi");
        }
    }

    @JsonCreator
    public static ObiettivoId di(String valore) {
        return new ObiettivoId(valore);
    }

    public static ObiettivoId nuovo() {
        return new ObiettivoId(UUID.randomUUID().toString());
    }

    /** Deterministic id from a natural key: importing the same print twice addresses the same aggregates. */
    public static ObiettivoId daChiave(String chiaveNaturale) {
        return new ObiettivoId(UUID.nameUUIDFromBytes(chiaveNaturale.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @JsonValue
    @Override
    public String toString() {
        return valore;
    }
}
