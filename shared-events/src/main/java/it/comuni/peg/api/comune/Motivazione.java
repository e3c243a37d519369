package it.comuni.peg.api.comune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a plan or a recorded value changed: never blank, it is what the nucleo reads afterwards. */
public record Motivazione(String testo) {

    public Motivazione {
        Testo.richiesto(testo, "motivazione");
        testo = testo.strip();
    }

    @JsonCreator
    public static Motivazione di(String testo) {
        return new Motivazione(testo);
    }

    @JsonValue
    public String testo() {
        return testo;
    }

    @Override
    public String toString() {
        return testo;
    }
}
