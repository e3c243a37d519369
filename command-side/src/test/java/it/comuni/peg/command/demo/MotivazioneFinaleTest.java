package it.comuni.peg.command.demo;

import it.comuni.peg.api.comune.ObiettivoId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated nucleo's motivazioni agree in number with what they count. */
class MotivazioneFinaleTest {

    private static String motivazione(int fasi, int inRitardo, int nonCompletate) {
        return AnnoSimulato.motivazioneFinale(new AnnoSimulato.Esito(ObiettivoId.di("ob-1"), false, fasi, inRitardo, nonCompletate));
    }

    @Test
    void oneIsSingularAndMoreArePlural() {
        assertThat(motivazione(3, 0, 1)).isEqualTo("Obiettivo parzialmente raggiunto: 1 fase su 3 non conclusa al 31/12");
        assertThat(motivazione(3, 1, 2))
                .isEqualTo("Obiettivo parzialmente raggiunto: 2 fasi su 3 non concluse al 31/12, 1 conclusa in ritardo");
        assertThat(motivazione(3, 1, 0)).isEqualTo("Obiettivo raggiunto con ritardo: 1 fase su 3 conclusa oltre il termine previsto");
        assertThat(motivazione(4, 2, 0)).isEqualTo("Obiettivo raggiunto con ritardo: 2 fasi su 4 concluse oltre il termine previsto");
        assertThat(motivazione(1, 0, 0)).isEqualTo("Obiettivo raggiunto: l'unica fase conclusa nei tempi previsti");
    }
}
