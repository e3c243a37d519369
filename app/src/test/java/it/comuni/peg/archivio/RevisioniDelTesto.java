package it.comuni.peg.archivio;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The deliberate rewordings of a projection's text since the archive was written, each applied to the
 * archived value before it is compared with the rebuilt one: the archive stays the old code's word, and
 * every difference the comparison forgives is one listed here, for one column, with its reason. A change of
 * wording not listed fails {@link ArchivioEventiTest} as any other difference does.
 */
final class RevisioniDelTesto {

    private record Revisione(String tabella, String colonna, String perche, UnaryOperator<String> riscrivi) {
    }

    private static final Pattern PUNTO_DECIMALE = Pattern.compile("(?<![\\w.])(\\d+)\\.(\\d+)(?![\\w.])");

    private static final List<Revisione> REVISIONI = List.of(
            new Revisione("storico_voce", "descrizione",
                    "i numeri del racconto con la virgola decimale (\"Registrato il valore 39,9\"), come ogni testo in italiano",
                    t -> PUNTO_DECIMALE.matcher(t).replaceAll("$1,$2")));

    private RevisioniDelTesto() {
    }

    /** {@code valore} as the code of today words it, when a revision of {@code tabella}.{@code colonna} applies; else itself. */
    static Object applica(String tabella, String colonna, Object valore) {
        if (!(valore instanceof String testo)) {
            return valore;
        }
        for (Revisione r : REVISIONI) {
            if (r.tabella().equals(tabella) && r.colonna().equals(colonna)) {
                testo = r.riscrivi().apply(testo);
            }
        }
        return testo;
    }
}
