package it.comuni.peg.web.scheda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A date typed the Italian way in a page's date field reads as the API's. */
class LetturaSchedaTest {

    @Test
    void unaDataAllItalianaDiventaLaDataIsoEConLOraUnIstanteLocale() {
        assertThat(LetturaScheda.comeIso("30/06/2023", "asOf")).isEqualTo("2023-06-30");
        assertThat(LetturaScheda.comeIso("1/7/2023 9:05", "asOf")).isEqualTo("2023-07-01T09:05:00");
        assertThat(LetturaScheda.comeIso("30/06/2023 12:00:30", "asOf")).isEqualTo("2023-06-30T12:00:30");
        assertThat(LetturaScheda.comeIso("2023-06-30T10:00:00Z", "asOf")).isEqualTo("2023-06-30T10:00:00Z");
    }
}
