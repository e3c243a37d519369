package it.comuni.peg.web.valutazione;

import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.query.smvp.Esito;
import it.comuni.peg.query.smvp.Valutazione;
import it.comuni.peg.web.grafico.Grafico;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The nucleo's charts count and score exactly what the SMVP engine returned. */
class GraficiValutazioneTest {

    static Esito esito(String punti) {
        return new Esito(punti == null ? null : new BigDecimal(punti), Esito.Stato.CALCOLATO, null, null, List.of());
    }

    static Valutazione.Obiettivo obiettivo(String id, String settore, String punti, FasciaColore.Colore colore) {
        return new Valutazione.Obiettivo(id, "Obiettivo " + id, settore, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), esito(punti), colore);
    }

    static Valutazione valutazione() {
        return new Valutazione(LocalDate.of(2023, 12, 31),
                List.of(obiettivo("a", "SASTER", "80", FasciaColore.Colore.VERDE), obiettivo("b", "SASTER", "20", FasciaColore.Colore.ROSSO),
                        obiettivo("c", "SSEGEN", "90", FasciaColore.Colore.VERDE), obiettivo("d", "SSEGEN", null, null)),
                List.of(new Valutazione.Aggregato("SASTER", null, List.of(), esito("50"), FasciaColore.Colore.GIALLO),
                        new Valutazione.Aggregato("SSEGEN", null, List.of(), esito("90"), FasciaColore.Colore.VERDE)),
                List.of(), new Valutazione.Aggregato(null, null, List.of(), esito("70"), null), List.of());
    }

    @Test
    void leFasceContanoGliObiettiviNellOrdineDelleFasceEQuelliSenzaPunteggioAParte() {
        Grafico g = GraficiValutazione.fasce(valutazione());
        assertThat(g.categorie()).containsExactly("rosso", "verde", "senza punteggio");
        assertThat(g.serie().get(0).valori()).containsExactly(1d, 2d, 1d);
        assertThat(g.interi()).isTrue();
        assertThat(g.righe().get(1).valori()).containsExactly("2");
    }

    @Test
    void iSettoriHannoCodiceENomeEIlPunteggioDelMotore() {
        Grafico g = GraficiValutazione.settori(valutazione(), Map.of("SASTER", "ASSETTO DEL TERRITORIO"));
        assertThat(g.categorie()).containsExactly("SASTER – ASSETTO DEL TERRITORIO", "SSEGEN");
        assertThat(g.serie().get(0).valori()).containsExactly(50d, 90d);
        assertThat(g.massimo()).isEqualTo(100d);
        assertThat(g.orizzontale()).isTrue();
    }
}
