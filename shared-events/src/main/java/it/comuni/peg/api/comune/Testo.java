package it.comuni.peg.api.comune;

/** Checks on free text shared by every value type and command. */
public final class Testo {

    /** Room for long HTML descriptions (events beyond the 64 KiB of a BLOB), short enough to keep events sane. */
    public static final int LUNGHEZZA_MASSIMA_LUNGA = 200_000;
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
        if (valore.length() > massimo) {
            throw new ValoreNonValido(campo, "Il campo '" + campo + "' supera " + massimo + " caratteri");
        }
        return valore;
    }
}
