package it.comuni.peg.api.smvp;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What changed between two versions of a method: every value that differs, by its JSON path in the
 * document ({@code $.fasi.ritardo.penalitaMese}, {@code $.indicatori[3].soglie.minimo}), with the value
 * before and after (null where the part is absent in that version). The two are compared in their
 * canonical form ({@link DocumentoMetodo#canonico}), so {@code 50} and {@code 50.0} are no difference.
 * Lists are compared position by position: an item inserted in the middle shows as changes of the items
 * after it and one added at the end.
 */
public final class DifferenzeMetodo {

    /**
     * One difference.
     *
     * @param percorso the JSON path of the part
     * @param prima    its value in the earlier version (a number, text, list or object); null: absent
     * @param dopo     its value in the later version; null: absent
     */
    public record Differenza(String percorso, JsonNode prima, JsonNode dopo) {
    }

    private DifferenzeMetodo() {
    }

    /** The differences from {@code prima} to {@code dopo} in canonical order (members alphabetical, list items by position); empty when the two say the same. */
    public static List<Differenza> tra(MetodoSmvp prima, MetodoSmvp dopo) {
        List<Differenza> differenze = new ArrayList<>();
        confronta("$", DocumentoMetodo.albero(prima), DocumentoMetodo.albero(dopo), differenze);
        return List.copyOf(differenze);
    }

    private static void confronta(String percorso, JsonNode a, JsonNode b, List<Differenza> differenze) {
        if (a == null || b == null) {
            if (a != b) {
                differenze.add(new Differenza(percorso, a, b));
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> chiavi = new TreeSet<>(a.propertyNames());
            chiavi.addAll(b.propertyNames());
            for (String k : chiavi) {
                confronta(percorso + "." + k, a.get(k), b.get(k), differenze);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                confronta(percorso + "[" + i + "]", a.get(i), b.get(i), differenze);
            }
        } else if (!a.equals(b)) {
            differenze.add(new Differenza(percorso, a, b));
        }
    }
}
