package it.comuni.peg.command.importazione.stampa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A line of the print split into its tab-separated cells. The print mixes HTML, markdown and plain
 * tabs, so labels are compared on the cleaned text (no tags, no {@code **}, entities decoded), while
 * descriptions keep the raw cell, HTML included.
 */
final class Riga {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPAZI = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern SEPARATORE = Pattern.compile(":?-{2,}:?");

    final int numero;
    /** Every cell as printed, empty ones included: the cronoprogramma needs their positions. */
    final List<String> grezze;
    /** Cleaned cells, trailing empty ones dropped. */
    final List<String> pulite;

    Riga(int numero, String testo) {
        this.numero = numero;
        this.grezze = Arrays.asList(testo.split("\t", -1));
        List<String> celle = new ArrayList<>(grezze.stream().map(Riga::pulisci).toList());
        while (!celle.isEmpty() && celle.get(celle.size() - 1).isEmpty()) {
            celle.remove(celle.size() - 1);
        }
        this.pulite = List.copyOf(celle);
    }

    boolean vuota() {
        return pulite.isEmpty();
    }

    /** A markdown table rule (---- under a header row): carries nothing. */
    boolean separatore() {
        return !pulite.isEmpty() && pulite.stream().allMatch(c -> c.isEmpty() || SEPARATORE.matcher(c).matches());
    }

    String cella(int i) {
        return i < pulite.size() ? pulite.get(i) : "";
    }

    String etichetta() {
        return cella(0);
    }

    boolean etichettaE(String etichetta) {
        return cella(0).equalsIgnoreCase(etichetta);
    }

    /** Only the first cell has text (a heading). */
    boolean unaSolaCella() {
        return pulite.size() == 1;
    }

    /** The raw cells from {@code da} on, non-empty ones, joined by a space: an HTML fragment kept as is. */
    String grezzoDa(int da) {
        return unisci(grezze, da, grezze.size());
    }

    static String unisci(List<String> celle, int da, int a) {
        StringBuilder testo = new StringBuilder();
        for (int i = da; i < a && i < celle.size(); i++) {
            String cella = celle.get(i).strip();
            if (!cella.isEmpty()) {
                if (!testo.isEmpty()) {
                    testo.append(' ');
                }
                testo.append(cella);
            }
        }
        return testo.toString();
    }

    static String pulisci(String cella) {
        String testo = TAG.matcher(cella).replaceAll(" ").replace("**", "");
        testo = testo.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        testo = SPAZI.matcher(testo).replaceAll(" ").strip();
        return testo.startsWith("#") ? testo.replaceFirst("^#+\\s*", "") : testo;
    }

    String estratto() {
        String testo = String.join(" | ", pulite);
        return it.comuni.peg.api.comune.FormaItaliana.citazione(testo, 80);
    }
}
