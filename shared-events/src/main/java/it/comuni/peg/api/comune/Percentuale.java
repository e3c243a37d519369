package it.comuni.peg.api.comune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Cumulative progress of a phase, 0..100: a value type that cannot hold 140. */
public record Percentuale(int valore) implements Comparable<Percentuale> {

    public static final Percentuale ZERO = new Percentuale(0);
    public static final Percentuale CENTO = new Percentuale(100);

    public Percentuale {
        if (valore < 0 || valore > 100) {
            throw new ValoreNonValido("percentuale", "La percentuale deve essere compresa tra 0 e 100 (ricevuto " + valore + ")");
        }
    }

    @JsonCreator
    public static Percentuale di(int valore) {
        return new Percentuale(valore);
    }

    @JsonValue
    public int valore() {
        return valore;
    }

    @Override
    public int compareTo(Percentuale altra) {
        return Integer.compare(valore, altra.valore);
    }
}
