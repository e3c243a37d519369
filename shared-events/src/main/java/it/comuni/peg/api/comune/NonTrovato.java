package it.comuni.peg.api.comune;

/** A command that names a phase, indicator or person the objective does not have. */
public class NonTrovato extends RuntimeException {

    public NonTrovato(String messaggio) {
        super(messaggio);
    }
}
