package it.comuni.peg.api.smvp;

/**
 * What an indicator's value is: a number, a percentage (0..100), a ratio (numerator and denominator
 * both recorded, so that the ratio explains itself), a date (scored against a target date) or a yes/no.
 */
public enum TipoIndicatore {
    NUMERO("numero"),
    PERCENTUALE("percentuale"),
    RAPPORTO("rapporto"),
    DATA("data"),
    SI_NO("sì/no");

    private final String nome;

    TipoIndicatore(String nome) {
        this.nome = nome;
    }

    /** The Italian word the explanations and messages write ("percentuale"), never the constant. */
    public String nome() {
        return nome;
    }

    /** Whether the numeric conversions (progress, deviation, thresholds) apply to it. */
    public boolean numerico() {
        return this == NUMERO || this == PERCENTUALE || this == RAPPORTO;
    }
}
