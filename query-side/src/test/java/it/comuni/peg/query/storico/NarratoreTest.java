package it.comuni.peg.query.storico;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.persona.PersonaAssegnata;
import org.junit.jupiter.api.Test;

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
}
