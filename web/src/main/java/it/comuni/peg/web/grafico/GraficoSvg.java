package it.comuni.peg.web.grafico;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * The print's picture of a {@link Grafico}: the same categories, series and scale as the page's chart,
 * drawn by JFreeChart into an SVG (JFreeSVG) that the PDF embeds as vector graphics. Text is drawn as
 * outlines ({@link SVGHints#VALUE_DRAW_STRING_TYPE_VECTOR}), so the PDF/A needs no font for it.
 */
public final class GraficoSvg {

    /** The series' colours: Bootstrap Italia's primary blue, then colours told apart also by the dashes. */
    static final Paint[] COLORI = {new Color(0x06, 0x66, 0xcc), new Color(0x00, 0x80, 0x55), new Color(0xa6, 0x61, 0x00),
            new Color(0x5c, 0x6f, 0x82), new Color(0xcc, 0x33, 0x4d)};

    private GraficoSvg() {
    }

    /**
     * The SVG element ({@code <svg …>…</svg>}, no XML declaration) of the chart, {@code larghezza} ×
     * {@code altezza} CSS pixels.
     */
    public static String svg(Grafico g, int larghezza, int altezza) {
        JFreeChart chart = grafico(g);
        SVGGraphics2D g2 = new SVGGraphics2D(larghezza, altezza);
        g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g2, new Rectangle2D.Double(0, 0, larghezza, altezza));
        // whole-number dimensions and a viewBox: openhtmltopdf reads "640.0" as no size (HTML's default 300 × 150)
        // and without a viewBox it would clip rather than scale the drawing to the box
        return g2.getSVGElement(null, false, new ViewBox(0, 0, larghezza, altezza), null, null)
                .replaceFirst("<svg ", "<svg width=\"" + larghezza + "\" height=\"" + altezza + "\" ");
    }

    /** The same chart as a PNG picture of {@code larghezza} × {@code altezza} pixels, for documents that take no SVG (DOCX). */
    public static byte[] png(Grafico g, int larghezza, int altezza) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            org.jfree.chart.ChartUtils.writeChartAsPNG(out, grafico(g), larghezza, altezza);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JFreeChart grafico(Grafico g) {
        DefaultCategoryDataset dati = new DefaultCategoryDataset();
        for (Grafico.Serie s : g.serie()) {
            for (int i = 0; i < g.categorie().size(); i++) {
                Double v = s.valori().get(i);
                dati.addValue(v, s.nome(), g.categorie().get(i));
            }
        }
        Font testo = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        CategoryAxis categorie = new CategoryAxis();
        categorie.setTickLabelFont(testo);
        if (g.categorie().size() > 6 && !g.orizzontale()) {
            categorie.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis valori = new NumberAxis(g.unita());
        valori.setLabelFont(testo);
        valori.setTickLabelFont(testo);
        DecimalFormat italiano = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(java.util.Locale.ITALIAN));
        valori.setNumberFormatOverride(italiano);
        if (g.massimo() != null) {
            valori.setRange(0, g.massimo());
        }
        if (g.interi()) {
            valori.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        CategoryPlot plot;
        if (g.tipo() == Grafico.Tipo.LINEE) {
            LineAndShapeRenderer linee = new LineAndShapeRenderer(true, true);
            for (int i = 0; i < g.serie().size(); i++) {
                linee.setSeriesPaint(i, COLORI[i % COLORI.length]);
                linee.setSeriesStroke(i, g.serie().get(i).tratteggiata()
                        ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f)
                        : new BasicStroke(2f));
            }
            plot = new CategoryPlot(dati, categorie, valori, linee);
        } else {
            BarRenderer barre = new BarRenderer();
            barre.setBarPainter(new StandardBarPainter());
            barre.setShadowVisible(false);
            for (int i = 0; i < g.serie().size(); i++) {
                barre.setSeriesPaint(i, COLORI[i % COLORI.length]);
            }
            plot = new CategoryPlot(dati, categorie, valori, barre);
        }
        plot.setOrientation(g.orizzontale() ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        JFreeChart chart = new JFreeChart(g.titolo(), new Font(Font.SANS_SERIF, Font.BOLD, 12), plot, g.serie().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legenda = chart.getLegend();
        if (legenda != null) {
            legenda.setItemFont(testo);
            legenda.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }
}
