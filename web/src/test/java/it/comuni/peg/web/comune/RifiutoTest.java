package it.comuni.peg.web.comune;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.comune.ValoriNonValidi;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a form shows each refusal of the aggregates: next to the field the message speaks of. */
class RifiutoTest {

    static final Set<String> DEFINISCI = Set.of("titolo", "pesoIndicatori", "pesoFasi", "settoreCodice");
    static final Set<String> FASE = Set.of("numero", "titolo", "inizio", "fine", "mesiPrevisti");
    static final Set<String> INDICATORE = Set.of("codice", "nome", "valoreAtteso", "peso");
    static final Set<String> PERSONA = Set.of("nome", "inizio", "fine");
    static final Set<String> TERMINE = Set.of("nome", "fine");
    static final Set<String> MONITORAGGIO = Set.of("data", "note");
    static final Set<String> FINALE = Set.of("al", "valutazioneIndicatori", "motivazione");

    @Test
    void unaRegolaStaAlCampoDiCuiParla() {
        assertThat(campo(new RegolaViolata("Peso indicatori e peso fasi devono sommare a 100 (sommano a 110)"), DEFINISCI))
                .isEqualTo("pesoIndicatori");
        assertThat(campo(new RegolaViolata("La fase 1 esiste già nell'obiettivo"), FASE)).isEqualTo("numero");
        assertThat(campo(new RegolaViolata("L'indicatore GIORNI esiste già nell'obiettivo"), INDICATORE)).isEqualTo("codice");
        assertThat(campo(new RegolaViolata("I pesi degli indicatori sommerebbero a 120"), INDICATORE)).isEqualTo("peso");
        assertThat(campo(new RegolaViolata("I mesi previsti devono cadere tra l'anno precedente e il successivo"), FASE))
                .isEqualTo("mesiPrevisti");
        assertThat(campo(new RegolaViolata("Il periodo della fase (2021-01-01 – 2021-03-31) non tocca l'anno 2023 del PEG"), FASE))
                .isEqualTo("inizio");
        assertThat(campo(new RegolaViolata("ROSSI MARIA è già assegnato all'obiettivo dal 2023-01-01 al 2023-12-31"), PERSONA))
                .isEqualTo("inizio");
        assertThat(campo(new NonTrovato("ROSSI MARIA non ha un'assegnazione in corso il 2024-01-01"), TERMINE)).isEqualTo("nome");
        assertThat(campo(new RegolaViolata("L'assegnazione di ROSSI MARIA termina già il 2023-12-31"), TERMINE)).isEqualTo("fine");
        assertThat(campo(new RegolaViolata("Il monitoraggio al 2023-06-30 non può essere chiuso prima di quella data"), MONITORAGGIO))
                .isEqualTo("data");
        assertThat(campo(new RegolaViolata("La valutazione al 2023-12-31 può essere registrata solo dopo quella data"), FINALE))
                .isEqualTo("al");
    }

    @Test
    void ciòCheNonRiguardaUnCampoStaInTestaAlModulo() {
        Rifiuto giaRegistrata = Rifiuto.di(new RegolaViolata("La valutazione finale dell'obiettivo x è già registrata"), FINALE).orElseThrow();
        assertThat(giaRegistrata.campi()).isEmpty();
        assertThat(giaRegistrata.generale()).contains("già registrata");
        Rifiuto negato = Rifiuto.di(new AccessoNegato("Monitoraggi e valutazioni sono atti del nucleo di valutazione"), MONITORAGGIO).orElseThrow();
        assertThat(negato.generale()).contains("nucleo");
    }

    @Test
    void ogniTestoOltreIlLimiteStaAlSuoCampo() {
        ValoriNonValidi lunghi = new ValoriNonValidi(List.of(
                new ValoriNonValidi.Errore("titolo", "Testo troppo lungo: al massimo 500 caratteri (ricevuti 501)"),
                new ValoriNonValidi.Errore("settore.codice", "Testo troppo lungo: al massimo 20 caratteri (ricevuti 21)")));
        Rifiuto rifiuto = Rifiuto.di(lunghi, DEFINISCI).orElseThrow();
        assertThat(rifiuto.campi()).containsOnlyKeys("titolo");
        assertThat(rifiuto.generale()).startsWith("settore.codice: Testo troppo lungo");
    }

    @Test
    void ilRifiutoSiTrovaAncheDentroLEccezioneDelGateway() {
        Exception avvolta = new CommandExecutionException("rifiutato", new ValoreNonValido("motivazione", "La motivazione è obbligatoria"));
        assertThat(Rifiuto.di(avvolta, FINALE).orElseThrow().campi()).containsEntry("motivazione", "La motivazione è obbligatoria");
        assertThat(Rifiuto.di(new IllegalStateException("guasto"), FINALE)).isEmpty();
    }

    @Test
    void unTipoDiValoreRifiutaAlCampoDelModulo() {
        assertThatThrownBy(() -> Campi.peso(Map.of("pesoIndicatori", "140"), "pesoIndicatori"))
                .isInstanceOfSatisfying(ValoreNonValido.class, e -> assertThat(e.campo()).isEqualTo("pesoIndicatori"))
                .hasMessageContaining("compreso tra 0 e 100");
        assertThat(Campi.peso(Map.of("pesoFasi", "50,5"), "pesoFasi").valore()).isEqualByComparingTo("50.5");
    }

    @Test
    void iMesiSpuntatiSonoInOrdine() {
        assertThat(Campi.mesiSpuntati(Map.of("previsto-2024-01", "true", "previsto-2023-09", "true", "previsto-2023-10", "",
                "titolo", "Analisi"), "previsto-"))
                .containsExactly(YearMonth.of(2023, 9), YearMonth.of(2024, 1));
    }

    private static String campo(RuntimeException e, Set<String> campi) {
        Rifiuto r = Rifiuto.di(e, campi).orElseThrow();
        assertThat(r.generale()).as("messaggio generale invece che al campo").isNull();
        return r.campi().keySet().iterator().next();
    }
}
