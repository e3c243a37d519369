package it.comuni.peg.api.smvp;

/**
 * How often an indicator is measured: the year is cut into {@link #periodi()} periods of
 * {@link #mesi()} months each, numbered from 1 (PERFORM+'s measurement periods).
 */
public enum Periodicita {
    ANNO(12, "anno"),
    SEMESTRE(6, "semestre"),
    QUADRIMESTRE(4, "quadrimestre"),
    TRIMESTRE(3, "trimestre"),
    BIMESTRE(2, "bimestre"),
    MESE(1, "mese");

    private final int mesi;
    private final String nome;

    Periodicita(int mesi, String nome) {
        this.mesi = mesi;
        this.nome = nome;
    }

    /** Months in one period: 12 for ANNO, 1 for MESE. */
    public int mesi() {
        return mesi;
    }

    /** Periods in a year: 1 for ANNO, 12 for MESE. */
    public int periodi() {
        return 12 / mesi;
    }

    /** The Italian name, as the explanations print it ("trimestre"). */
    public String nome() {
        return nome;
    }
}
