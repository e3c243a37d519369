package it.comuni.peg.query.storico;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.obiettivo.ObiettivoRinominato;
import it.comuni.peg.api.obiettivo.ObiettivoSpostato;
import it.comuni.peg.api.persona.PersonaAssegnata;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NarratoreTest {

    /** Found by the HTTP fuzz test: an assignment without categoria stalled the storico in a dead letter. */
    @Test
    void anAssignmentWithoutCategoriaOrRuoloIsNarrated() {
        Narratore narratore = new Narratore(0);
        LocalDate inizio = LocalDate.of(2023, 1, 1);
        LocalDate fine = LocalDate.of(2023, 12, 31);
        ObiettivoId id = ObiettivoId.nuovo();
        assertThat(narratore.racconta(new PersonaAssegnata(id, "ROSSI MARIO", null, "Tecnico", inizio, fine), Instant.now()).frase())
                .isEqualTo("Assegnato all'obiettivo ROSSI MARIO (Tecnico) dal 01/01/2023 al 31/12/2023");
        assertThat(narratore.racconta(new PersonaAssegnata(id, "ROSSI MARIO", null, null, inizio, fine), Instant.now()).frase())
                .isEqualTo("Assegnato all'obiettivo ROSSI MARIO dal 01/01/2023 al 31/12/2023");
    }

    @Test
    void aMoveIsNarratedWithTheStruttureBeforeAndAfterAndItsMotivazione() {
        Descrizione d = new Narratore(0).racconta(new ObiettivoSpostato(ObiettivoId.di("ob-1"),
                new Settore("SASTER", "ASSETTO DEL TERRITORIO", "GENTILI LUCA"), new Ufficio("UEDPRI", "EDILIZIA PRIVATA", null),
                new Settore("SAFIN", "SERVIZI FINANZIARI", "BIANCHI ANNA"), null, Motivazione.di("Delibera di Giunta n. 80/2023")),
                Instant.now());
        assertThat(d.tipo()).isEqualTo("OBIETTIVO_SPOSTATO");
        assertThat(d.frase()).isEqualTo("Spostato l'obiettivo dal settore SASTER (ASSETTO DEL TERRITORIO), ufficio UEDPRI"
                + " (EDILIZIA PRIVATA) al settore SAFIN (SERVIZI FINANZIARI)");
        assertThat(d.motivazione()).isEqualTo("Delibera di Giunta n. 80/2023");
        assertThat(d.dopo()).isEqualTo(new Narratore.Collocazione(new Settore("SAFIN", "SERVIZI FINANZIARI", "BIANCHI ANNA"), null));
    }

    @Test
    void aRenameIsNarratedWithBothTitlesAndItsMotivazione() {
        Descrizione d = new Narratore(0).racconta(new ObiettivoRinominato(ObiettivoId.di("ob-1"), "Tempi SCIA", "Tempi SCIA dimezzati",
                Motivazione.di("Obiettivo più ambizioso")), Instant.now());
        assertThat(d.tipo()).isEqualTo("OBIETTIVO_RINOMINATO");
        assertThat(d.frase()).isEqualTo("Cambiato il titolo dell'obiettivo da «Tempi SCIA» a «Tempi SCIA dimezzati»");
        assertThat(d.motivazione()).isEqualTo("Obiettivo più ambizioso");
    }

    /** Weights are numbers of the story too: the decimal comma, as FormaItaliana writes them. */
    @Test
    void weightsAreWrittenWithTheDecimalComma() {
        Narratore narratore = new Narratore(0);
        ObiettivoId id = ObiettivoId.di("ob-1");
        Descrizione definito = narratore.racconta(new ObiettivoDefinito(id, "c_b648", 2023, "Tempi SCIA", null,
                new Settore("SASTER", "ASSETTO DEL TERRITORIO", null), null, Peso.di(new BigDecimal("50.5")),
                Peso.di(new BigDecimal("49.50")), null, null), Instant.now());
        assertThat(definito.frase()).endsWith("(peso indicatori 50,5, peso fasi 49,5)");
        Descrizione indicatore = narratore.racconta(new IndicatoreDefinito(id, "IND1", "Pratiche evase", null,
                new BigDecimal("12.5"), Direzione.CRESCENTE, Peso.di(new BigDecimal("33.33"))), Instant.now());
        assertThat(indicatore.frase()).isEqualTo("Definito l'indicatore IND1 «Pratiche evase»: valore atteso 12,5, più alto è meglio, peso 33,33");
    }
}
