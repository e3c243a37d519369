package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ValoreNonValido;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodiciTest {

    @Test
    void lIdentificativoProvvisorioSonoLeLettereELeCifreDelNome() {
        assertThat(Codici.identificativoProvvisorio("GENTILI LUCA")).isEqualTo("GENTILILUCA");
        assertThat(Codici.identificativoProvvisorio("  Gentili   luca ")).isEqualTo("GENTILILUCA");
        assertThat(Codici.identificativoProvvisorio("D'OLIVO DANIA")).isEqualTo("DOLIVODANIA")
                .isEqualTo(Codici.identificativoProvvisorio("D OLIVO DANIA"));
        assertThat(Codici.identificativoProvvisorio("Niccolò Pirè 2")).isEqualTo("NICCOLOPIRE2");
        // what Codici.persona accepts as an identificativo
        assertThat(Codici.persona(Codici.identificativoProvvisorio("D'Olivo Dania"), "persona")).isEqualTo("DOLIVODANIA");
    }

    /** 32 letters are kept whole; 33 become 24 and the first 8 hex digits of the SHA-256 of all of them. */
    @Test
    void unNomeLungoSiTagliaConLImpronta() {
        String trentadue = "A".repeat(16) + " " + "B".repeat(16);
        assertThat(Codici.identificativoProvvisorio(trentadue)).isEqualTo("A".repeat(16) + "B".repeat(16));
        String lungo = "MARIA ADDOLORATA DEL SACRO CUORE BIANCHI";
        String id = Codici.identificativoProvvisorio(lungo);
        // echo -n MARIAADDOLORATADELSACROCUOREBIANCHI | sha256sum → 742ad175…
        assertThat(id).isEqualTo("MARIAADDOLORATADELSACROC742AD175");
        assertThat(Codici.identificativoProvvisorio("MARIA ADDOLORATA DEL SACRO CUORE BIANCHINI")).startsWith("MARIAADDOLORATADELSACROC")
                .isNotEqualTo(id);
        assertThat(Codici.persona(id, "persona")).isEqualTo(id);
    }

    @Test
    void unNomeSenzaLettereHaComunqueUnIdentificativo() {
        // echo -n "" | sha256sum → e3b0c442…
        assertThat(Codici.identificativoProvvisorio("' -")).isEqualTo("E3B0C442");
        assertThatThrownBy(() -> Codici.identificativoProvvisorio("  ")).isInstanceOf(ValoreNonValido.class);
    }

    /** Letters of other scripts, or symbols, are not dropped in silence: two such names stay two people. */
    @Test
    void nomiCheDifferisconoFuoriDaAZRestanoDuePersone() {
        assertThat(Codici.identificativoProvvisorio("Ελένη Παπαδοπούλου"))
                .isNotEqualTo(Codici.identificativoProvvisorio("Μαρία Νικολάου"))
                .isNotEqualTo(Codici.identificativoProvvisorio("' -"));
        String uno = Codici.identificativoProvvisorio("ROSSI MARIO \uD83D\uDE00");
        String due = Codici.identificativoProvvisorio("ROSSI MARIO \uD83E\uDDE1");
        assertThat(uno).startsWith("ROSSIMARIO").isNotEqualTo(due);
        assertThat(Codici.persona(uno, "persona")).isEqualTo(uno);
        // the same name in two spellings is still one
        assertThat(Codici.identificativoProvvisorio("D\u2019Olivo Dania")).isEqualTo("DOLIVODANIA");
    }

    @Test
    void unAggregatoMancanteSiNominaPerLaSuaSpecie() {
        assertThat(NonTrovato.aggregato("c_b648").getMessage()).isEqualTo("Ente c_b648 non trovato");
        assertThat(NonTrovato.aggregato("2f1e0c1a-6b1e-3c57-9a43-0e6c1f0b5a11").getMessage())
                .isEqualTo("Obiettivo 2f1e0c1a-6b1e-3c57-9a43-0e6c1f0b5a11 non trovato");
        assertThat(NonTrovato.aggregato("valutazione:c_b648:2023").getMessage()).isEqualTo("Ciclo di valutazione c_b648 2023 non trovato");
    }
}
