package it.comuni.peg.web.grafico;

import it.comuni.peg.web.comune.Formato;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chart, as both renderers draw it: the browser (ECharts, from {@link #json()}) and the print
 * (JFreeChart, {@link GraficoSvg}). Its {@link #righe()} are the text alternative shown beside it.
 *
 * @param id        the element's id on the page ({@code grafico-…}), unique in it
 * @param titolo    what it shows, in Italian (the figure's caption)
 * @param tipo      lines over an ordered axis (months) or bars per category
 * @param voce      what a category is ("Mese", "Settore", "Fascia"): the heading of the table's first column
 * @param unita     the unit of the values ("%", "punti", "obiettivi"), written after each value of the table
 * @param massimo   the top of the value axis (100 for percentages and scores); null to fit the data
 * @param categorie the labels of the horizontal axis ("gen 2023", a settore, a band), in order
 * @param serie     one or more series, each with one value (or null: none there) per category
 */
public record Grafico(String id, String titolo, Tipo tipo, String voce, String unita, Double massimo, List<String> categorie,
                      List<Serie> serie) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Formato FORMATO = new Formato();

    /** Lines (a progress over months) or bars (a count or a score per category). */
    public enum Tipo {
        LINEE,
        BARRE
    }

    /**
     * A named series; {@code tratteggiata} draws it dashed (a plan that was replaced).
     *
     * @param valori one per category, null where the series has no value
     */
    public record Serie(String nome, List<Double> valori, boolean tratteggiata) {
        public Serie {
            valori = java.util.Collections.unmodifiableList(new ArrayList<>(valori));
        }
    }

    public Grafico {
        categorie = List.copyOf(categorie);
        serie = List.copyOf(serie);
        for (Serie s : serie) {
            if (s.valori().size() != categorie.size()) {
                throw new IllegalArgumentException("La serie «" + s.nome() + "» ha " + s.valori().size()
                        + " valori per " + categorie.size() + " categorie");
            }
        }
    }

    /** A row of the text alternative: the category and each series' value written the Italian way ("—" for none). */
    public record Riga(String categoria, List<String> valori) {
    }

    /** The table that says what the chart draws: one row per category, one column per series. */
    public List<Riga> righe() {
        List<Riga> righe = new ArrayList<>();
        for (int i = 0; i < categorie.size(); i++) {
            List<String> valori = new ArrayList<>();
            for (Serie s : serie) {
                valori.add(valore(s.valori().get(i)));
            }
            righe.add(new Riga(categorie.get(i), valori));
        }
        return righe;
    }

    /**
     * Whether the bars lie horizontally: bars whose categories have long names (a settore with its name),
     * which a vertical axis would have to print slanted and cut.
     */
    public boolean orizzontale() {
        return tipo == Tipo.BARRE && categorie.stream().anyMatch(c -> c.length() > 14);
    }

    /** The height the chart needs in CSS pixels: room for each bar when horizontal, else a fixed 300. */
    public int altezza() {
        return orizzontale() ? Math.max(200, 36 * categorie.size() + 80) : 300;
    }

    /** Whether the values are counts (whole numbers, no fixed top): the value axis then ticks whole numbers only. */
    public boolean interi() {
        return massimo == null && serie.stream().flatMap(x -> x.valori().stream())
                .allMatch(v -> v == null || v == Math.rint(v));
    }

    /** Whether any series has a value: a chart with nothing to draw is not shown. */
    public boolean vuoto() {
        return serie.stream().allMatch(s -> s.valori().stream().allMatch(java.util.Objects::isNull));
    }

    /**
     * The chart for the page's script ({@code data-grafico}): {@code {"tipo","titolo","unita","massimo","orizzontale","altezza","interi",
     * "categorie":[…],"serie":[{"nome","valori":[…],"tratteggiata"}]}}, values as JSON numbers or null.
     */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tipo", tipo.name());
        m.put("titolo", titolo);
        m.put("unita", unita);
        m.put("massimo", massimo);
        m.put("orizzontale", orizzontale());
        m.put("altezza", altezza());
        m.put("interi", interi());
        m.put("categorie", categorie);
        m.put("serie", serie);
        return JSON.writeValueAsString(m);
    }

    /**
     * The print's picture ({@link GraficoSvg}), 640 CSS pixels wide (169 mm at 96 px to the inch: an A4 page's text)
     * and {@link #altezza()} high, drawn at its own size by the print.
     */
    public String svg() {
        return GraficoSvg.svg(this, 640, orizzontale() ? altezza() : 280);
    }

    /** A value as the pages write it: decimal comma, at most one decimal, then the unit (none for a count). */
    public String valore(Double v) {
        if (v == null) {
            return "—";
        }
        String numero = FORMATO.numero(java.math.BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP));
        // a count goes without its unit ("1 obiettivi" is wrong, and the column's heading names what is counted)
        return unita == null || unita.isEmpty() || interi() ? numero : "%".equals(unita) ? numero + "%" : numero + " " + unita;
    }
}
