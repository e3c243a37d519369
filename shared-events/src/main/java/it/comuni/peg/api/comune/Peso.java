package it.comuni.peg.api.comune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;

/** A weight in percent (0..100, two decimals at most), as the PEG gives them: "Peso fasi 50.0". */
public record Peso(BigDecimal valore) implements Comparable<Peso> {

    public static final Peso CENTO = new Peso(BigDecimal.valueOf(100));

    public Peso {
        if (valore == null) {
            throw new ValoreNonValido("peso", "Il peso è obbligatorio");
        }
        if (valore.signum() < 0 || valore.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new ValoreNonValido("peso", "Il peso deve essere compreso tra 0 e 100 (ricevuto " + FormaItaliana.numero(valore) + ")");
        }
        if (valore.stripTrailingZeros().scale() > 2) {
            throw new ValoreNonValido("peso", "Il peso ammette al più due decimali (ricevuto " + valore.toPlainString().replace('.', ',') + ")");
        }
    }

    @JsonCreator
    public static Peso di(BigDecimal valore) {
        return new Peso(valore);
    }

    public static Peso di(double valore) {
        return new Peso(BigDecimal.valueOf(valore));
    }

    @JsonValue
    public BigDecimal valore() {
        return valore;
    }

    public Peso piu(Peso altro) {
        BigDecimal somma = valore.add(altro.valore);
        return somma.compareTo(BigDecimal.valueOf(100)) > 0 ? null : new Peso(somma);
    }

    public boolean ugualeA(Peso altro) {
        return valore.compareTo(altro.valore) == 0;
    }

    @Override
    public int compareTo(Peso altro) {
        return valore.compareTo(altro.valore);
    }

    @Override
    public String toString() {
        return valore.stripTrailingZeros().toPlainString();
    }
}
