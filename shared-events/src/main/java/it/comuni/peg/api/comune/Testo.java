package it.comuni.peg.api.comune;

/**
 * Checks on free text shared by every value type and command: present when required, and never
 * beyond what an event may hold. These bounds are what the write side has always accepted, so every
 * event ever recorded passes them when it is read back; what a command may carry today is the
 * stricter {@link Limite} of its field.
 */
public final class Testo {

    /**
     * {@code testo} cut to at most {@code massimo} characters (UTF-16 units), never between the two
     * halves of a character beyond the BMP (which would print as a broken one); null for null.
     */
    public static String tronca(String testo, int massimo) {
        if (testo == null || testo.length() <= massimo) {
            return testo;
        }
        int fine = Character.isHighSurrogate(testo.charAt(massimo - 1)) ? massimo - 1 : massimo;
        return testo.substring(0, fine);
    }

    /** The most characters an event may hold in a long text (a description, notes); never lowered. */
    public static final int LUNGHEZZA_MASSIMA_LUNGA = 200_000;
    /** The most characters an event may hold in a short text (a title, a code, a name); never lowered. */
    public static final int LUNGHEZZA_MASSIMA_BREVE = 1_000;

    private Testo() {
    }

    public static String richiesto(String valore, String campo) {
        if (valore == null || valore.isBlank()) {
            throw new ValoreNonValido(campo, "Il campo '" + campo + "' è obbligatorio");
        }
        return massimo(valore, campo, LUNGHEZZA_MASSIMA_BREVE);
    }

    public static String facoltativo(String valore, String campo) {
        return valore == null ? null : massimo(valore, campo, LUNGHEZZA_MASSIMA_BREVE);
    }

    public static String lungo(String valore, String campo) {
        return valore == null ? null : massimo(valore, campo, LUNGHEZZA_MASSIMA_LUNGA);
    }

    private static String massimo(String valore, String campo, int massimo) {
        // UTF-16 units first: cheap, and never fewer than the characters
        if (valore.length() > massimo && Limite.caratteri(valore) > massimo) {
            // the wording of Lunghezze's refusals: one message for a text too long, whoever finds it
            throw new ValoreNonValido(campo, "Testo troppo lungo: al massimo " + massimo + " caratteri (ricevuti "
                    + Limite.caratteri(valore) + ")");
        }
        return valore;
    }
}
