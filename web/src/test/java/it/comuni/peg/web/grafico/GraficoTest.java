package it.comuni.peg.web.grafico;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One chart model, two renderers: the page's JSON and the print's SVG say the same thing. */
class GraficoTest {

    static Grafico settori() {
        return new Grafico("grafico-settori", "Punteggio SMVP per settore", Grafico.Tipo.BARRE, "Settore", "punti", 100d,
                List.of("SASTER – Territorio", "SFIN – Finanze"),
                List.of(new Grafico.Serie("Punteggio", Arrays.asList(72.456, null), false)));
    }

    @Test
    void ilJsonPerLaPaginaPortaCategorieSerieEScala() {
        String json = settori().json();
        assertThat(json).contains("\"tipo\":\"BARRE\"", "\"massimo\":100.0", "\"categorie\":[\"SASTER – Territorio\",\"SFIN – Finanze\"]",
                "\"valori\":[72.456,null]", "\"nome\":\"Punteggio\"");
    }

    @Test
    void laTabellaAlternativaScriveIValoriAllItaliana() {
        List<Grafico.Riga> righe = settori().righe();
        assertThat(righe).extracting(Grafico.Riga::categoria).containsExactly("SASTER – Territorio", "SFIN – Finanze");
        assertThat(righe.get(0).valori()).containsExactly("72,5 punti");
        assertThat(righe.get(1).valori()).containsExactly("—");
        assertThat(settori().vuoto()).isFalse();
    }

    @Test
    void lSvgDellaStampaEUnDocumentoBenFormatoConLeSerieDisegnateEIlTestoInTracciati() throws Exception {
        String svg = settori().svg();
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        var documento = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(documento.getDocumentElement().getAttribute("width")).isEqualTo("640");
        assertThat(documento.getDocumentElement().getAttribute("viewBox")).isEqualTo("0.0 0.0 640.0 200.0");
        // the bar in the series' colour, and the labels drawn as outlines: no font needed in the PDF/A
        assertThat(svg).contains("rgb(6,102,204)");
        assertThat(documento.getElementsByTagName("text").getLength()).isZero();
        assertThat(documento.getElementsByTagName("path").getLength()).isGreaterThan(10);
    }

    @Test
    void iConteggiHannoUnAsseDiInteriLeBarreConNomiLunghiSonoOrizzontali() {
        Grafico conteggi = new Grafico("g", "Obiettivi per stato", Grafico.Tipo.BARRE, "Stato", "obiettivi", null,
                List.of("In corso", "Completato"), List.of(new Grafico.Serie("Obiettivi", List.of(2d, 0d), false)));
        assertThat(conteggi.interi()).isTrue();
        assertThat(conteggi.orizzontale()).isFalse();
        assertThat(conteggi.json()).contains("\"interi\":true", "\"orizzontale\":false");
        assertThat(settori().interi()).isFalse();
        assertThat(settori().orizzontale()).isTrue();
        assertThat(settori().altezza()).isEqualTo(200);
    }

    @Test
    void unaSerieConPiuOMenoValoriDelleCategorieERifiutata() {
        assertThatThrownBy(() -> new Grafico("g", "t", Grafico.Tipo.LINEE, "Mese", "%", 100d, List.of("gennaio 2023"),
                List.of(new Grafico.Serie("Previsto", List.of(1d, 2d), false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 valori per 1 categorie");
    }
}
