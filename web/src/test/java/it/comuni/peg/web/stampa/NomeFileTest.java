package it.comuni.peg.web.stampa;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NomeFileTest {

    @Test
    void namesEnteYearSettoreAndDay() {
        assertThat(NomeFile.pdf("c_b648", 2023, "SASTER", null, LocalDate.of(2023, 6, 30)))
                .isEqualTo("PEG-c_b648-2023-SASTER-al-2023-06-30.pdf");
        assertThat(NomeFile.pdf("c_b648", 2023, null, null, LocalDate.of(2023, 12, 31)))
                .isEqualTo("PEG-c_b648-2023-al-2023-12-31.pdf");
    }

    @Test
    void anObjectivesPrintIsNamedByTheFirstWordsOfItsTitleInAscii() {
        assertThat(NomeFile.pdf("c_b648", 2023, "SASTER", "Attività di «riqualificazione» dell'edilizia pubblica e privata", LocalDate.of(2023, 6, 30)))
                .isEqualTo("PEG-c_b648-2023-SASTER-Attivita-di-riqualificazione-dell-edilizia-pubblica-al-2023-06-30.pdf");
    }
}
