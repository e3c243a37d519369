package it.comuni.peg.query.replay;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EventoMemorizzatoTest {

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-27T08:15:30.123Z", "2024-02-29T23:59:59Z", "1999-12-31T00:00:00.000000001Z",
            "2025-06-30T12:00:00.5Z", "2025-06-30T12:00:00.123456789Z", "1970-01-01T00:00:00.000Z"})
    void readsTheShapesAxonWritesAsAxonDoes(String istante) {
        assertThat(EventoMemorizzato.istante(istante)).isEqualTo(DateTimeUtils.parseInstant(istante));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-27T08:15:30+01:00", "2023-01-27T08:15:30.Z", "2023-02-30T08:15:30Z", "2023-01-27T24:00:00Z",
            "+12023-01-27T08:15:30Z", "2023-01-27T08:15:30.1234567890Z"})
    void leavesEveryOtherShapeToAxon(String istante) {
        Object atteso;
        try {
            atteso = DateTimeUtils.parseInstant(istante);
        } catch (RuntimeException e) {
            atteso = e.getClass();
        }
        Object letto;
        try {
            letto = EventoMemorizzato.istante(istante);
        } catch (RuntimeException e) {
            letto = e.getClass();
        }
        assertThat(letto).isEqualTo(atteso);
    }

    @Test
    void agreesWithAxonOnAMillionInstants() {
        Random caso = new Random(20231130);
        for (int i = 0; i < 1_000_000; i++) {
            Instant t = Instant.ofEpochSecond(caso.nextInt(2_000_000_000), caso.nextInt(4) == 0 ? 0 : caso.nextInt(1_000_000_000));
            String scritto = i % 2 == 0 ? DateTimeUtils.formatInstant(t) : t.toString();
            assertThat(EventoMemorizzato.istante(scritto)).as(scritto).isEqualTo(DateTimeUtils.parseInstant(scritto));
        }
    }
}
