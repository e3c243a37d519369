package it.comuni.peg.api.csv;

/** A file that cannot be read as CSV at all (empty, binary, a quote never closed): nothing is imported. */
public class CsvNonValido extends RuntimeException {

    private final int riga;

    public CsvNonValido(int riga, String messaggio) {
        super(messaggio);
        this.riga = riga;
    }

    public int riga() {
        return riga;
    }
}
