package it.comuni.peg.api.comune;

import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.indicatore.DefinisciIndicatore;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits of a command's texts: counted in characters as MariaDB counts them, every field beyond named at once. */
class LunghezzeTest {

    /** "𝔄" is two UTF-16 units and four UTF-8 bytes: one character for the limit and for a utf8mb4 column. */
    private static String quattroByte(int caratteri) {
        return "𝔄".repeat(caratteri);
    }

    @Test
    void aTextAtItsLimitOfFourByteCharactersIsAccepted() {
        DefinisciObiettivo comando = definisci(quattroByte(Limite.ENTE.massimo()), quattroByte(Limite.TITOLO.massimo()),
                new Settore(quattroByte(Limite.CODICE.massimo()), quattroByte(Limite.NOME_STRUTTURA.massimo()),
                        quattroByte(Limite.PERSONA.massimo())));
        assertThat(Limite.caratteri(comando.settore().codice())).isEqualTo(Limite.CODICE.massimo());
        assertThat(comando.settore().codice().length()).isEqualTo(2 * Limite.CODICE.massimo());
    }

    @Test
    void everyTextBeyondItsLimitIsNamedInOneRefusal() {
        assertThatThrownBy(() -> definisci("Comune", "x".repeat(Limite.TITOLO.massimo() + 1),
                new Settore("S".repeat(300), "Settore", quattroByte(Limite.PERSONA.massimo() + 1))))
                .isInstanceOfSatisfying(ValoriNonValidi.class, e -> {
                    assertThat(e.errori()).extracting(ValoriNonValidi.Errore::campo)
                            .containsExactly("titolo", "settore.codice", "settore.responsabile");
                    assertThat(e.errori().get(1).messaggio()).isEqualTo("Testo troppo lungo: al massimo 20 caratteri (ricevuti 300)");
                    assertThat(e.campo()).isEqualTo("titolo");
                });
    }

    @Test
    void anEventKeepsWhatTheWriteSideAcceptedBeforeTheLimits() {
        // a settore code of 300 characters, accepted before today's limits: its event still loads
        Settore vecchio = new Settore("S".repeat(300), null, null);
        ObiettivoDefinito evento = new ObiettivoDefinito(ObiettivoId.di("vecchio"), "Comune", 2023, "Titolo", null, vecchio,
                null, Peso.di(50), Peso.di(50), null, null);
        assertThat(evento.settore().codice()).hasSize(300);
        // and a value type counts characters as the columns do: 1,000 of 4 bytes is within an event's capacity
        assertThat(Motivazione.di(quattroByte(Testo.LUNGHEZZA_MASSIMA_BREVE)).testo()).hasSize(2 * Testo.LUNGHEZZA_MASSIMA_BREVE);
    }

    @Test
    void everyLimitIsWithinWhatAnEventMayHold() {
        for (Limite l : Limite.values()) {
            assertThat(l.massimo()).as(l.name()).isPositive().isLessThanOrEqualTo(l.capienzaEventi());
        }
    }

    @Test
    void numbersHaveBoundedDigits() {
        ObiettivoId id = ObiettivoId.di("ob");
        assertThatThrownBy(() -> new DefinisciIndicatore(id, "IND", "Indicatore", null, new BigDecimal("1E+100000"),
                Direzione.CRESCENTE, Peso.di(10)))
                .isInstanceOfSatisfying(ValoreNonValido.class, e -> assertThat(e.campo()).isEqualTo("valoreAtteso"));
        assertThat(new DefinisciIndicatore(id, "IND", "Indicatore", null, new BigDecimal("999999999999999.123456"),
                Direzione.CRESCENTE, Peso.di(10)).valoreAtteso()).isNotNull();
        assertThatThrownBy(() -> new RegistraConsuntivo(id, 1, YearMonth.of(2023, 1), true, Percentuale.di(10),
                "n".repeat(Limite.NOTE.massimo() + 1), null))
                .isInstanceOfSatisfying(ValoreNonValido.class, e -> assertThat(e.campo()).isEqualTo("note"));
    }

    @Test
    void theEvaluationCycleOfAnEnteFitsTheEventStore() {
        assertThat(CicloValutazioneId.di(quattroByte(Limite.ENTE.massimo()), 2023)).startsWith("valutazione:");
        assertThatThrownBy(() -> CicloValutazioneId.di("e".repeat(250), 2023))
                .isInstanceOfSatisfying(ValoreNonValido.class, e -> assertThat(e.campo()).isEqualTo("ente"));
    }

    private static DefinisciObiettivo definisci(String ente, String titolo, Settore settore) {
        return new DefinisciObiettivo(ObiettivoId.di("ob"), ente, 2023, titolo, null, settore, null, Peso.di(50), Peso.di(50),
                null, null);
    }
}
