package it.comuni.peg.api.comune;

/** The user's role, or the objectives they lead, do not allow this command. */
public class AccessoNegato extends RuntimeException {

    public AccessoNegato(String messaggio) {
        super(messaggio);
    }
}
