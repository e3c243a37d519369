package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.smvp.Periodicita;
import it.comuni.peg.api.smvp.PeriodoMisura;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two example methods of docs/smvp score the same indicator each its own way. */
class EsempiSmvpTest {

    private static MetodoSmvp esempio(String nome) throws IOException {
        return DocumentoMetodo.leggi(Files.readString(Path.of("..", "docs", "smvp", nome)), DocumentoMetodo.Formato.YAML);
    }

    @Test
    void gzoomScoresLowerIsBetterByTwiceTheTargetAndClampsToOneHundred() throws IOException {
        // SCIA-GG, target 28,5 days, actual 27: (2 × 28,5 − 27) / 28,5 × 100 = 105,26 → clamped 0–100: 100
        var ind = new DatiValutazione.Indicatore("SCIA-GG", null, Valore.numero("28.5"), null,
                List.of(new DatiValutazione.Rilevazione(PeriodoMisura.anno(2023), Valore.numero("27"))));
        Valutazione.Indicatore v = ProvaSmvp.valutaIndicatore(esempio("esempio-gzoom.yaml"), ind, LocalDate.of(2023, 12, 31));
        assertThat(v.esito().calcolato()).isEqualByComparingTo("100");
        assertThat(v.esito().passi()).contains("(2 × obiettivo − rilevato) / obiettivo × 100: (2 × 28,5 − 27) / 28,5 × 100 = 105,26",
                "limitato all'intervallo 0–100: 105,26 → 100");
    }

    @Test
    void performScoresTheMeanOfTheQuartersAsTargetOverActualThroughItsBands() throws IOException {
        // SCIA-GG per quarter, MEDIA: at 30/06 Q1 32, Q2 28 → 30; 28,5 / 30 × 100 = 95;
        // band 50–100 proportional from 50 to 100: 50 + (95 − 50) / (100 − 50) × (100 − 50) = 95
        var ind = new DatiValutazione.Indicatore("SCIA-GG", null, Valore.numero("28.5"), null, List.of(
                new DatiValutazione.Rilevazione(new PeriodoMisura(Periodicita.TRIMESTRE, 2023, 1), Valore.numero("32")),
                new DatiValutazione.Rilevazione(new PeriodoMisura(Periodicita.TRIMESTRE, 2023, 2), Valore.numero("28"))));
        Valutazione.Indicatore v = ProvaSmvp.valutaIndicatore(esempio("esempio-perform.yaml"), ind, LocalDate.of(2023, 6, 30));
        assertThat(v.esito().punti()).isEqualByComparingTo("95");
        assertThat(v.esito().passi()).contains("obiettivo / rilevato × 100: 28,5 / 30 × 100 = 95");
    }
}
