package it.comuni.peg.api.comune;

/** A command that breaks a business rule of the PEG; the message, in Italian, says which. */
public class RegolaViolata extends RuntimeException {

    public RegolaViolata(String messaggio) {
        super(messaggio);
    }
}
