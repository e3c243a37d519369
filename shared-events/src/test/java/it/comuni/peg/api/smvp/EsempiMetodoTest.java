package it.comuni.peg.api.smvp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The two example methods of docs/smvp load, validate and survive an export and a re-import. */
class EsempiMetodoTest {

    static String esempio(String nome) throws IOException {
        return Files.readString(Path.of("..", "docs", "smvp", nome));
    }

    @Test
    void gzoomLoadsWithoutErrors() throws IOException {
        assertThat(DocumentoMetodo.errori(esempio("esempio-gzoom.yaml"), DocumentoMetodo.Formato.YAML)).isEmpty();
        MetodoSmvp m = DocumentoMetodo.leggi(esempio("esempio-gzoom.yaml"), DocumentoMetodo.Formato.YAML);
        assertThat(m.conversioni()).hasSize(9);
        assertThat(m.indicatori()).extracting(IndicatoreMetodo::codice)
                .containsExactly("SCIA-GG", "PNRR-SCUOLA-MUSICA", "CER-ATTO", "PRATICHE-EVASE", "ACCESSI-SPORTELLO");
        assertThat(m.fasceColore()).extracting(FasciaColore::colore)
                .containsExactly(FasciaColore.Colore.ROSSO, FasciaColore.Colore.GIALLO, FasciaColore.Colore.VERDE);
    }

    @Test
    void performLoadsWithoutErrors() throws IOException {
        assertThat(DocumentoMetodo.errori(esempio("esempio-perform.yaml"), DocumentoMetodo.Formato.YAML)).isEmpty();
        MetodoSmvp m = DocumentoMetodo.leggi(esempio("esempio-perform.yaml"), DocumentoMetodo.Formato.YAML);
        assertThat(m.mappaturaObiettivo().tipo()).isEqualTo(Mappatura.Tipo.TETTO);
        assertThat(m.periodoMisurazione()).isEqualTo(Periodicita.TRIMESTRE);
        assertThat(m.valoreMancante()).isEqualTo(MetodoSmvp.ValoreMancante.ESCLUSO);
    }

    @Test
    void exportThenImportGivesAnEqualMethodInBothFormats() throws IOException {
        for (String nome : new String[]{"esempio-gzoom.yaml", "esempio-perform.yaml"}) {
            MetodoSmvp m = DocumentoMetodo.leggi(esempio(nome), DocumentoMetodo.Formato.YAML);
            for (DocumentoMetodo.Formato f : DocumentoMetodo.Formato.values()) {
                String scritto = DocumentoMetodo.scrivi(m, f);
                assertThat(DocumentoMetodo.leggi(scritto, f)).as(nome + " in " + f).isEqualTo(m);
            }
        }
    }
}
