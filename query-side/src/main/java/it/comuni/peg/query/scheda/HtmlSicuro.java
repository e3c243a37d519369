package it.comuni.peg.query.scheda;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Descriptions arrive as HTML fragments (the print is an export of HTML). The events keep them
 * exactly as received; what is served keeps only a safelist of text formatting (paragraphs,
 * emphasis, lists, links without scripts): a safelist, not a blocklist, so nothing unforeseen
 * (script, style, event handlers, javascript: links) can pass.
 */
public final class HtmlSicuro {

    private static final Safelist CONSENTITO = Safelist.basic().addTags("h3", "h4", "table", "thead", "tbody", "tr", "td", "th");
    private static final Document.OutputSettings USCITA = new Document.OutputSettings().prettyPrint(false);

    private HtmlSicuro() {
    }

    public static String pulisci(String html) {
        return html == null ? null : Jsoup.clean(html, "", CONSENTITO, USCITA);
    }
}
