package it.comuni.peg.platform.transazioni;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bound against the gap timeout and the sealer's wait, and what the properties accept. */
class LimiteTransazioniTest {

    private static final Duration DIECI_MINUTI = Duration.ofMinutes(10);

    @Test
    void theDefaultsFitTenTimesInTheDefaultGapTimeout() {
        LimiteTransazioni predefinito = new LimiteTransazioni(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThatCode(() -> predefinito.verificaRispetto(DIECI_MINUTI, DIECI_MINUTI)).doesNotThrowAnyException();
    }

    @Test
    void aBoundOverAQuarterOfTheGapTimeoutIsRefusedNamingTheProperties() {
        LimiteTransazioni limite = new LimiteTransazioni(Duration.ofSeconds(30), Duration.ofSeconds(31));
        // 61 s: four times is 244 s, over 4 minutes
        assertThatThrownBy(() -> limite.verificaRispetto(Duration.ofMinutes(4), DIECI_MINUTI))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("peg.transazioni.durata-massima (PT30S)")
                .hasMessageContaining("peg.transazioni.inattivita-massima (PT31S)")
                .hasMessageContaining("un quarto di peg.eventstore.gap-timeout (PT4M)");
        assertThatCode(() -> new LimiteTransazioni(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .verificaRispetto(Duration.ofMinutes(4), DIECI_MINUTI)).doesNotThrowAnyException();
    }

    @Test
    void aBoundOverHalfTheSealersWaitIsRefused() {
        LimiteTransazioni limite = new LimiteTransazioni(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThatThrownBy(() -> limite.verificaRispetto(DIECI_MINUTI, Duration.ofSeconds(119)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("la metà di peg.audit.attesa-buchi (PT1M59S)");
    }

    @Test
    void theServerSideBoundIsWholeSecondsAndNeverZero() {
        assertThatThrownBy(() -> new LimiteTransazioni(Duration.ofSeconds(30), Duration.ofMillis(1500)))
                .hasMessageContaining("secondi interi");
        assertThatThrownBy(() -> new LimiteTransazioni(Duration.ofSeconds(30), Duration.ZERO))
                .hasMessageContaining("secondi interi");
        assertThatThrownBy(() -> new LimiteTransazioni(Duration.ZERO, Duration.ofSeconds(30)))
                .hasMessageContaining("positiva");
    }
}
