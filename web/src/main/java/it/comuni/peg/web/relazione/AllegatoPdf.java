package it.comuni.peg.web.relazione;

import it.comuni.peg.web.stampa.Pdf;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import java.util.Locale;

/**
 * A {@link Documento} as PDF/A-3u: the template {@code relazione/allegato} lays its blocks out (page numbers
 * in the footer, "Pagina 3 di 12"), {@link Pdf} turns the HTML into the archival form.
 */
@Component
public class AllegatoPdf {

    private final SpringTemplateEngine motore;
    private final Pdf pdf;

    public AllegatoPdf(SpringTemplateEngine motore, Pdf pdf) {
        this.motore = motore;
        this.pdf = pdf;
    }

    /** The HTML both the PDF and a reader's browser would show. */
    public String html(Documento documento) {
        Context ctx = new Context(Locale.ITALIAN);
        ctx.setVariable("documento", documento);
        return motore.process("relazione/allegato", ctx);
    }

    public byte[] pdf(Documento documento) {
        return pdf.daHtml(html(documento), documento.titolo());
    }
}
