package it.comuni.peg.command.importazione.stampa;

/** The file is not a print at all (empty, binary, no objective): nothing can be imported. */
public class StampaNonLeggibile extends RuntimeException {

    private final int riga;

    public StampaNonLeggibile(int riga, String messaggio) {
        super(messaggio);
        this.riga = riga;
    }

    public int riga() {
        return riga;
    }
}
