package it.comuni.peg.query.scheda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSicuroTest {

    @Test
    void keepsTheFormattingOfThePrint() {
        String html = "<p>Il procedimento della SCIA è regolato dal <b>DPR 380/01</b>.</p> <p>INDICATORI: Media gg di istruttoria.</p>";
        assertThat(HtmlSicuro.pulisci(html)).isEqualTo(html);
    }

    @Test
    void dropsScriptsHandlersAndJavascriptLinks() {
        String pulito = HtmlSicuro.pulisci("<p onclick=\"rubare()\">Testo<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(2)\">link</a><img src=x onerror=alert(3)><style>body{}</style><iframe src=\"//x\"></iframe>");
        assertThat(pulito).doesNotContain("script", "onclick", "javascript:", "onerror", "<img", "<style", "<iframe");
        assertThat(pulito).contains("<p>Testo</p>", "link");
    }
}
