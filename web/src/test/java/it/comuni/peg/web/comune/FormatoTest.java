package it.comuni.peg.web.comune;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatoTest {

    private final Formato fmt = new Formato();

    /** The real print's lists write "• " in each item and hide the list's own marker with a style cleaning drops. */
    @Test
    void aListWhoseItemsWriteTheirMarkerShowsNoSecondOne() {
        String html = fmt.html("<ul style=\"list-style-type: none\"> <li>• Analisi del quadro;</li> <li>• Definizione dei requisiti</li></ul>"
                + "<ol><li>1. Miglioramento</li><li>2. Nuove funzioni</li></ol><ul><li>Senza segno</li><li>• con segno</li></ul>"
                + "<script>alert(1)</script>");
        assertThat(html).contains("<ul class=\"segni-nel-testo\">", "<ol class=\"segni-nel-testo\">")
                .contains("<ul>\n <li>Senza segno</li>").doesNotContain("script", "style");
    }
}
