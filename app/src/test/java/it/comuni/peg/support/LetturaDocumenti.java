package it.comuni.peg.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Opens a generated PDF with PDFBox and a DOCX with POI, as a reader's tools would, and gives their text. */
public final class LetturaDocumenti {

    private LetturaDocumenti() {
    }

    /** The PDF's text, whitespace runs as one space. */
    public static String testoPdf(byte[] pdf) {
        try (PDDocument documento = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(documento).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF's XMP metadata, where a PDF/A declares its part and conformance. */
    public static String xmpPdf(byte[] pdf) {
        try (PDDocument documento = Loader.loadPDF(pdf)) {
            return new String(documento.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static XWPFDocument docx(byte[] docx) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(docx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DOCX's text (paragraphs, tables, footer), whitespace runs as one space. */
    public static String testoDocx(byte[] docx) {
        try (XWPFDocument documento = docx(docx); XWPFWordExtractor estrattore = new XWPFWordExtractor(documento)) {
            return estrattore.getText().replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
