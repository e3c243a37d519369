package it.comuni.peg.web.relazione;

import java.util.List;

/**
 * A document as both renderers write it: a title and a sequence of blocks whose text is already Italian
 * (dates dd/mm/yyyy, decimal commas, words for enum values), and charts drawn from one model. The PDF's template and the DOCX writer only
 * lay the blocks out, so the two files cannot say different things.
 */
public record Documento(String titolo, String soggetto, List<Blocco> blocchi) {

    public Documento {
        blocchi = List.copyOf(blocchi);
    }

    /** One block of the document; {@link #tipo()} names it for the template. */
    public sealed interface Blocco {
        String tipo();
    }

    /** A heading: level 1 the document's title, 2 a section, 3 an objective, 4 a part of it. */
    public record Titolo(int livello, String testo) implements Blocco {
        public String tipo() {
            return "titolo";
        }
    }

    public record Paragrafo(String testo) implements Blocco {
        public String tipo() {
            return "paragrafo";
        }
    }

    /** A bulleted list. */
    public record Elenco(List<String> voci) implements Blocco {
        public Elenco {
            voci = List.copyOf(voci);
        }

        public String tipo() {
            return "elenco";
        }
    }

    /** A table: its header cells and its rows, each as many cells as the header. */
    public record Tabella(List<String> intestazioni, List<List<String>> righe) implements Blocco {
        public Tabella {
            intestazioni = List.copyOf(intestazioni);
            righe = righe.stream().map(List::copyOf).toList();
            for (List<String> riga : righe) {
                if (riga.size() != intestazioni.size()) {
                    throw new IllegalArgumentException("Riga di " + riga.size() + " celle in una tabella di " + intestazioni.size());
                }
            }
        }

        public String tipo() {
            return "tabella";
        }
    }

    /**
     * A chart: the PDF embeds it as vector graphics (SVG), the DOCX as a picture (PNG); its values are
     * always in a {@link Tabella} of the same section too, the chart's text alternative.
     */
    public record Figura(it.comuni.peg.web.grafico.Grafico grafico) implements Blocco {
        public String tipo() {
            return "figura";
        }

        /** The SVG element the PDF's template embeds, 640 × 280 CSS pixels scaled to the text's width. */
        public String svg() {
            return it.comuni.peg.web.grafico.GraficoSvg.svg(grafico, LARGHEZZA, ALTEZZA);
        }

        /** The chart's size in CSS pixels (1/96 inch). */
        public static final int LARGHEZZA = 640;
        public static final int ALTEZZA = 280;
    }
}
