package it.comuni.peg.web.comune;

import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.smvp.FasciaColore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The Italian the pages write: words for enum values, plurals, months, decimal commas, strutture by name. */
class FormatoTest {

    final Formato f = new Formato();

    @Test
    void valoriDiEnumComeParole() {
        assertThat(f.parola("IN_LINEA")).isEqualTo("in linea");
        assertThat(f.parola("VALUTAZIONE_FINALE")).isEqualTo("valutazione finale del nucleo");
        assertThat(f.parola(FasciaColore.Colore.VERDE)).isEqualTo("verde");
        assertThat(f.parola((String) null)).isEqualTo("—");
    }

    @Test
    void pluraliMesiENumeri() {
        assertThat(f.quanti(1, "fase", "fasi")).isEqualTo("1 fase");
        assertThat(f.quanti(6, "fase", "fasi")).isEqualTo("6 fasi");
        assertThat(Formato.meseAnno(YearMonth.of(2024, 1))).isEqualTo("gennaio 2024");
        assertThat(f.numero(new BigDecimal("90.456"), 1)).isEqualTo("90,5");
        assertThat(f.numero(null, 1)).isEqualTo("—");
        assertThat(f.valore(JsonMapper.builder().build().readTree("0.5"))).isEqualTo("0,5");
    }

    @Test
    void struttureConCodiceENome() {
        assertThat(f.settore(new Settore("SASTER", "ASSETTO DEL TERRITORIO", "GENTILI LUCA"))).isEqualTo("SASTER – ASSETTO DEL TERRITORIO");
        assertThat(Formato.struttura("UEDPRI", null)).isEqualTo("UEDPRI");
        assertThat(f.ufficio(null)).isEqualTo("—");
    }

    /** The real print's lists write "• " in each item and hide the list's own marker with a style cleaning drops. */
    @Test
    void aListWhoseItemsWriteTheirMarkerShowsNoSecondOne() {
        String html = f.html("<ul style=\"list-style-type: none\"> <li>• Analisi del quadro;</li> <li>• Definizione dei requisiti</li></ul>"
                + "<ol><li>1. Miglioramento</li><li>2. Nuove funzioni</li></ol><ul><li>Senza segno</li><li>• con segno</li></ul>"
                + "<script>alert(1)</script>");
        assertThat(html).contains("<ul class=\"segni-nel-testo\">", "<ol class=\"segni-nel-testo\">")
                .contains("<ul>\n <li>Senza segno</li>").doesNotContain("script", "style");
    }

    @Test
    void unAnnoPassatoSiVedeAllaSuaFine() {
        LocalDate oggi = LocalDate.of(2026, 11, 29);
        assertThat(GiornoDelPeg.di(2023, oggi)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(GiornoDelPeg.fineAnno(2023, oggi)).isTrue();
        assertThat(GiornoDelPeg.di(2026, oggi)).isEqualTo(oggi);
        assertThat(GiornoDelPeg.fineAnno(2026, oggi)).isFalse();
    }

    /**
     * The one rule of the pages and the prints (settore and objective, and their file names): a past year without
     * a date at its 31/12, the current year today, a date asked for on its own day (Italian time).
     */
    @Test
    void theDayShownIsTheEndOfAPastYearUnlessADateIsAsked() {
        java.time.Instant adesso = java.time.Instant.parse("2026-11-30T10:00:00Z");
        assertThat(GiornoDelPeg.mostrato(2023, null, adesso)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(GiornoDelPeg.mostrato(2026, null, adesso)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(GiornoDelPeg.mostrato(2023, java.time.Instant.parse("2023-06-30T22:30:00Z"), adesso))
                .isEqualTo(LocalDate.of(2023, 7, 1));
    }

    /** "Il mio PEG", the valutazione's page and the annex write the band with the colour agreeing: "fascia gialla". */
    @Test
    void theBandAgreesWithItsColour() {
        assertThat(f.fascia(it.comuni.peg.api.smvp.FasciaColore.Colore.GIALLO)).isEqualTo("fascia gialla");
        assertThat(f.fascia(it.comuni.peg.api.smvp.FasciaColore.Colore.ROSSO)).isEqualTo("fascia rossa");
        assertThat(f.fascia(it.comuni.peg.api.smvp.FasciaColore.Colore.VERDE)).isEqualTo("fascia verde");
        assertThat(f.fascia(it.comuni.peg.api.smvp.FasciaColore.Colore.ARANCIONE)).isEqualTo("fascia arancione");
        assertThat(f.fascia(it.comuni.peg.api.smvp.FasciaColore.Colore.BLU)).isEqualTo("fascia blu");
        assertThat(f.fascia(null)).isEqualTo("—");
    }
}
