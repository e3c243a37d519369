package it.comuni.peg.web.comune;

import it.comuni.peg.api.comune.ValoreNonValido;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampiTest {

    /** The date field sends ISO; the user reads and types GG/MM/AAAA, and the refusal says GG/MM/AAAA. */
    @Test
    void anImpossibleDateIsRefusedInTheFormTheUserReads() {
        assertThatThrownBy(() -> Campi.data(Map.of("fine", "2023-02-31"), "fine"))
                .isInstanceOf(ValoreNonValido.class)
                .hasMessage("Data non valida: «31/02/2023» non è una data esistente scritta come GG/MM/AAAA (es. 30/06/2023)")
                .satisfies(e -> assertThat(((ValoreNonValido) e).campo()).isEqualTo("fine"));
        assertThatThrownBy(() -> Campi.dataRichiesta(Map.of("fine", "31/02/2023"), "fine"))
                .hasMessageContaining("«31/02/2023»").hasMessageNotContaining("AAAA-MM-GG");
    }

    @Test
    void aDayIsReadFromTheDateFieldOrAsTyped() {
        assertThat(Campi.data(Map.of("fine", "2023-06-30"), "fine")).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(Campi.data(Map.of("fine", " 30/06/2023 "), "fine")).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(Campi.data(Map.of("fine", " "), "fine")).isNull();
    }
}
