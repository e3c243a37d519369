package it.comuni.peg.api.comune;

/** A command or a read that names an objective, phase, indicator, ente, struttura or person that does not exist (for the user). */
public class NonTrovato extends RuntimeException {

    /** As {@code CicloValutazioneId} shapes a cycle's id. */
    private static final String PREFISSO_CICLO = "valutazione:";

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

    /**
     * The 404 for an aggregate that is not in the event store, in the words of its kind, told by the
     * shape of its identifier (Axon's {@code AggregateNotFoundException} carries the identifier, not the
     * type): an evaluation cycle's ({@code valutazione:<ente>:<anno>}) is "Ciclo di valutazione … non
     * trovato"; a codice IPA ({@code [a-z0-9_]}, 2 to 20 characters, the id of an ente's organigramma)
     * is "Ente … non trovato"; anything else is an objective's id and gets {@link #obiettivo}'s words.
     * An objective's id may have the shape of a codice IPA ("xyz"): a command on a missing objective is
     * named by its typed target on the command bus (command-side's ObiettivoMancante) and never reaches
     * this guess.
     */
    public static NonTrovato aggregato(Object id) {
        String valore = String.valueOf(id);
        if (valore.startsWith(PREFISSO_CICLO)) {
            return new NonTrovato("Ciclo di valutazione " + valore.substring(PREFISSO_CICLO.length()).replace(':', ' ') + " non trovato");
        }
        if (it.comuni.peg.api.organigramma.Codici.eCodiceEnte(valore)) {
            return new NonTrovato("Ente " + valore + " non trovato");
        }
        return obiettivo(valore);
    }
}
