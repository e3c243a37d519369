package it.comuni.peg.query.proiezione;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows to insert, grouped by statement so that each group goes to the database as one JDBC batch.
 * A row's values are in the order of its statement's placeholders.
 */
public final class Righe {

    private final Map<String, List<Object[]>> perIstruzione = new LinkedHashMap<>();
    private int numero;

    public void aggiungi(String insert, Object[] valori) {
        perIstruzione.computeIfAbsent(insert, k -> new ArrayList<>()).add(valori);
        numero++;
    }

    public Map<String, List<Object[]>> perIstruzione() {
        return perIstruzione;
    }

    public int numero() {
        return numero;
    }
}
