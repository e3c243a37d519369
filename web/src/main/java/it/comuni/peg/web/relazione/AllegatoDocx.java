package it.comuni.peg.web.relazione;

import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * A {@link Documento} as an editable Word document (Office Open XML, Apache POI), for the ente to merge into
 * its Relazione: headings with Word's own built-in styles ("heading 1".."heading 4", so they enter the
 * table of contents and the navigation pane), real tables with a repeated header row, page numbers in the
 * footer ("Pagina 3 di 12", Word's PAGE and NUMPAGES fields).
 */
@Component
public class AllegatoDocx {

    /** Style ids Word gives its built-in headings; the name ("heading 1") is what makes them the built-in ones. */
    static final String TITOLO = "Heading";
    private static final int[] DIMENSIONI_MEZZI_PUNTI = {32, 26, 22, 19};
    private static final String CARATTERE = "Calibri";

    public byte[] docx(Documento documento) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(documento.titolo());
            doc.getProperties().getCoreProperties().setSubjectProperty(documento.soggetto());
            stiliTitoli(doc);
            piePagina(doc);
            for (Documento.Blocco b : documento.blocchi()) {
                if (b instanceof Documento.Titolo t) {
                    titolo(doc, t);
                } else if (b instanceof Documento.Paragrafo p) {
                    testo(doc.createParagraph(), p.testo(), false);
                } else if (b instanceof Documento.Elenco e) {
                    for (String v : e.voci()) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setIndentationLeft(360);
                        p.setIndentationHanging(240);
                        testo(p, "• " + v, false);
                    }
                } else if (b instanceof Documento.Tabella t) {
                    tabella(doc, t);
                } else if (b instanceof Documento.Figura f) {
                    figura(doc, f);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart as a PNG picture at twice its size in pixels (sharp in print), 16 cm wide, its title as alt text. */
    private static void figura(XWPFDocument doc, Documento.Figura f) throws IOException {
        byte[] png = it.comuni.peg.web.grafico.GraficoSvg.png(f.grafico(), Documento.Figura.LARGHEZZA * 2, Documento.Figura.ALTEZZA * 2);
        try {
            doc.createParagraph().createRun().addPicture(new java.io.ByteArrayInputStream(png), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                    f.grafico().titolo(), org.apache.poi.util.Units.toEMU(453), org.apache.poi.util.Units.toEMU(453.0 * Documento.Figura.ALTEZZA / Documento.Figura.LARGHEZZA));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void titolo(XWPFDocument doc, Documento.Titolo t) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(TITOLO + Math.min(t.livello(), DIMENSIONI_MEZZI_PUNTI.length));
        p.createRun().setText(t.testo());
    }

    private static void testo(XWPFParagraph p, String testo, boolean grassetto) {
        XWPFRun r = p.createRun();
        r.setFontFamily(CARATTERE);
        r.setFontSize(10);
        r.setBold(grassetto);
        r.setText(testo);
    }

    private static void tabella(XWPFDocument doc, Documento.Tabella t) {
        XWPFTable tabella = doc.createTable(t.righe().size() + 1, t.intestazioni().size());
        tabella.setWidth("100%");
        riga(tabella.getRow(0), t.intestazioni(), true);
        tabella.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < t.righe().size(); i++) {
            riga(tabella.getRow(i + 1), t.righe().get(i), false);
        }
        // a table followed directly by another would merge with it in Word
        doc.createParagraph();
    }

    private static void riga(XWPFTableRow riga, List<String> celle, boolean intestazione) {
        for (int i = 0; i < celle.size(); i++) {
            XWPFTableCell cella = riga.getCell(i);
            XWPFParagraph p = cella.getParagraphs().get(0);
            testo(p, celle.get(i), intestazione);
        }
    }

    /** Heading 1..4 as Word defines them: outline levels 0..3, bold, kept with the next paragraph. */
    private static void stiliTitoli(XWPFDocument doc) {
        XWPFStyles stili = doc.createStyles();
        for (int livello = 1; livello <= DIMENSIONI_MEZZI_PUNTI.length; livello++) {
            CTStyle ct = CTStyle.Factory.newInstance();
            ct.setStyleId(TITOLO + livello);
            ct.setType(STStyleType.PARAGRAPH);
            ct.addNewName().setVal("heading " + livello);
            ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
            ct.addNewQFormat();
            var ppr = ct.addNewPPr();
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(livello - 1L));
            ppr.addNewKeepNext();
            ppr.addNewSpacing().setBefore(BigInteger.valueOf(livello == 1 ? 0 : 240));
            var rpr = ct.addNewRPr();
            rpr.addNewB();
            rpr.addNewSz().setVal(BigInteger.valueOf(DIMENSIONI_MEZZI_PUNTI[livello - 1]));
            rpr.addNewColor().setVal("003366");
            rpr.addNewRFonts().setAscii(CARATTERE);
            stili.addStyle(new XWPFStyle(ct, stili));
        }
    }

    private static void piePagina(XWPFDocument doc) {
        XWPFHeaderFooterPolicy politica = doc.createHeaderFooterPolicy();
        XWPFFooter piede = politica.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph p = piede.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        testo(p, "Pagina ", false);
        campo(p, "PAGE");
        testo(p, " di ", false);
        campo(p, "NUMPAGES");
    }

    /**
     * A field as three runs (begin, instruction, end), so it stays between the runs around it: a
     * {@code w:fldSimple} added to the paragraph would land after all of them.
     */
    private static void campo(XWPFParagraph p, String istruzione) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        var istr = p.createRun().getCTR().addNewInstrText();
        istr.setStringValue(" " + istruzione + " ");
        istr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }
}
