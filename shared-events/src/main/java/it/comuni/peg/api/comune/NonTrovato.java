package it.comuni.peg.api.comune;

/** A command or a read that names an objective, phase, indicator, ente, struttura or person that does not exist (for the user). */
public class NonTrovato extends RuntimeException {

    public NonTrovato(String messaggio) {
        super(messaggio);
    }

    /**
     * "Obiettivo {id} non trovato": the one answer for an objective that does not exist and for one of an
     * ente the user has no accesso in, word for word, so that the answer never confirms its existence.
     */
    public static NonTrovato obiettivo(Object id) {
        return new NonTrovato("Obiettivo " + id + " non trovato");
    }
}
