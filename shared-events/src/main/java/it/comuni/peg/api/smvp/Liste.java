package it.comuni.peg.api.smvp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Unmodifiable copies that keep what a document left absent or broken: a null list stays null and a
 * null element stays in place, so that the rules can tell "absent" from "empty" and paths keep their
 * indexes ({@link List#copyOf} refuses both).
 */
final class Liste {

    private Liste() {
    }

    static <T> List<T> copia(List<T> lista) {
        return lista == null ? null : Collections.unmodifiableList(new ArrayList<>(lista));
    }

    static <K, V> Map<K, V> copia(Map<K, V> mappa) {
        return mappa == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mappa));
    }
}
