package it.comuni.peg.web.stampa;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * HTML to PDF/A-3u, the archival form an ente publishes. PDF/A wants every font embedded and an
 * output colour profile: the font is Liberation Sans, the TrueType font that PDFBox itself ships in
 * its jar (a Maven artifact, so no font needs installing on the machine), registered for regular
 * and bold; the profile is the JDK's own sRGB.
 */
@Component
public class Pdf {

    public static final String FAMIGLIA = "PEG Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    public byte[] daHtml(String html, String titolo) {
        // openhtmltopdf reads XML: jsoup turns the HTML5 page into a well-formed DOM
        org.jsoup.nodes.Document documento = Jsoup.parse(html);
        // captions (screen-reader text on the page) break openhtmltopdf's table layout (NPE in TableBox)
        documento.select("caption").remove();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // the charts (fragments/grafico :: stampa) are inline SVG, drawn as vector graphics
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useUnicodeLineBreaker(new DateIntere());
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
            builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            for (int peso : new int[]{400, 700}) {
                builder.useFont(Pdf::font, FAMIGLIA, peso, BaseRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(Pdf::font, FAMIGLIA, peso, BaseRendererBuilder.FontStyle.ITALIC, true);
            }
            builder.withW3cDocument(new W3CDom().fromJsoup(documento), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The hook for what a document certifies about itself: {@code metadati} (name to text, e.g. the
     * receipt's JSON under {@code PEG-Ricevuta}) go into the PDF's document information dictionary as
     * custom entries, where any PDF reader's properties show them and a program reads them back
     * (PDFBox: {@code getDocumentInformation().getCustomMetadataValue(name)}). PDF/A-2 and -3 require
     * XMP equivalents only for the standard entries, so the document stays PDF/A.
     */
    public byte[] conMetadati(byte[] documento, Map<String, String> metadati) {
        if (metadati.isEmpty()) {
            return documento;
        }
        try (PDDocument pdf = Loader.loadPDF(documento)) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            metadati.forEach(info::setCustomMetadataValue);
            ByteArrayOutputStream out = new ByteArrayOutputStream(documento.length + 1024);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font() {
        InputStream in = Pdf.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("Font " + FONT + " non trovato nel classpath (jar di PDFBox)");
        }
        return in;
    }
}
