package it.comuni.peg.web.relazione;

import it.comuni.peg.web.stampa.Pdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The annex's PDF from its template, without Spring: dates stay whole in narrow cells, the text reads in order. */
class AllegatoPdfTest {

    @Test
    void aDateInANarrowCellIsNotSplitAtItsSlashes() throws Exception {
        ClassLoaderTemplateResolver risolutore = new ClassLoaderTemplateResolver();
        risolutore.setPrefix("templates/");
        risolutore.setSuffix(".html");
        SpringTemplateEngine motore = new SpringTemplateEngine();
        motore.setTemplateResolver(risolutore);
        Documento documento = new Documento("Allegato", "Prova", List.of(
                new Documento.Titolo(1, "Allegato obiettivi alla Relazione sulla performance 2023"),
                // the annex's rimodulazioni table: its date cells are narrow enough to wrap inside a date
                new Documento.Tabella(List.of("Fase", "Registrata il", "Piano precedente", "Nuovo piano", "Motivazione"),
                        List.of(List.of("1", "30/11/2026", "dal 01/01/2023 al 31/03/2023", "dal 01/01/2023 al 31/05/2023",
                                "Nomina del gruppo di lavoro arrivata ad aprile"))),
                new Documento.Tabella(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"), List.of(List.of("1", "2", "3",
                        "4", "5", "6", "7", "8", "9", "20 al 10/11/2023; 32 al 20/05/2023")))));

        byte[] pdf = new AllegatoPdf(motore, new Pdf()).pdf(documento);

        try (PDDocument letto = Loader.loadPDF(pdf)) {
            String testo = new PDFTextStripper().getText(letto).replaceAll("\\s+", " ");
            assertThat(testo).contains("Allegato obiettivi alla Relazione sulla performance 2023",
                    "dal 01/01/2023 al 31/03/2023", "dal 01/01/2023 al 31/05/2023", "20 al 10/11/2023; 32 al 20/05/2023",
                    "Pagina 1 di 1");
        }
    }
}
