package it.comuni.peg.platform.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NomeFileTest {

    @Test
    void namesEnteYearSettoreAndDayLeavingOutWhatIsMissing() {
        assertThat(NomeFile.di("pdf", "PEG", "c_b648", 2023, "SASTER", "al", LocalDate.of(2023, 6, 30)))
                .isEqualTo("PEG-c_b648-2023-SASTER-al-2023-06-30.pdf");
        assertThat(NomeFile.di("pdf", "PEG", "c_b648", 2023, null, " ", "al", LocalDate.of(2023, 12, 31)))
                .isEqualTo("PEG-c_b648-2023-al-2023-12-31.pdf");
        assertThat(NomeFile.di("csv", "valutazione", 2023, "c_b648", "-settori")).isEqualTo("valutazione-2023-c_b648-settori.csv");
    }

    @Test
    void aTitleGivesItsFirstWordsInAscii() {
        assertThat(NomeFile.parole("Attività di «riqualificazione» dell'edilizia pubblica e privata", 6))
                .isEqualTo("Attivita-di-riqualificazione-dell-edilizia-pubblica");
        assertThat(NomeFile.di("docx", "Allegato-obiettivi", "Comune d'Aosta/ü", 2023))
                .isEqualTo("Allegato-obiettivi-Comune-d-Aosta-u-2023.docx");
    }
}
