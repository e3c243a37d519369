package it.comuni.peg.platform.errori;

/**
 * The innermost cause of an exception: what the database, the parser or the handler really said, under
 * whatever layers (Hibernate, Spring, Axon, Jackson) wrapped it.
 */
public final class Radice {

    private Radice() {
    }

    /** The innermost cause of {@code errore} (itself when it has none); a cause pointing to itself ends the chain. */
    public static Throwable di(Throwable errore) {
        Throwable t = errore;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The innermost cause as ops read it in a log or a status: its simple class name, a colon, its message. */
    public static String descrivi(Throwable errore) {
        Throwable radice = di(errore);
        return radice.getClass().getSimpleName() + ": " + radice.getMessage();
    }

    /** {@code testo} cut to at most {@code massimo} characters for a column of that width, never inside a character. */
    public static String tronca(String testo, int massimo) {
        return it.comuni.peg.api.comune.Testo.tronca(testo, massimo);
    }
}
