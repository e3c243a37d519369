package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.persona.AssegnazioneTerminata;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.platform.axon.AxonConfig;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events recorded before persons had identificativi lack the {@code persona} field: read with the
 * application's own event serializer ({@link AxonConfig#serializer()}), they load with it null, and a
 * new event keeps it through a round trip.
 */
class EventiPrimaDegliIdentificativiTest {

    private final Serializer serializer = new AxonConfig().serializer();

    @Test
    void anAssignmentRecordedWithoutIdentificativoLoadsWithNone() {
        String json = "{\"obiettivoId\":\"ob-1\",\"nome\":\"ROSSI MARIO\",\"categoria\":\"Categoria C\",\"ruolo\":\"Esperto\","
                + "\"inizio\":\"2023-01-01\",\"fine\":\"2023-12-31\"}";
        assertEquals(new PersonaAssegnata(ObiettivoId.di("ob-1"), "ROSSI MARIO", null, "Categoria C", "Esperto",
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)), leggi(json, PersonaAssegnata.class));
    }

    @Test
    void anEndRecordedWithoutIdentificativoLoadsWithNone() {
        String json = "{\"obiettivoId\":\"ob-1\",\"nome\":\"ROSSI MARIO\",\"inizio\":\"2023-01-01\",\"finePrevista\":\"2023-12-31\","
                + "\"fine\":\"2023-05-31\"}";
        assertEquals(new AssegnazioneTerminata(ObiettivoId.di("ob-1"), "ROSSI MARIO", null, LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31), LocalDate.of(2023, 5, 31)), leggi(json, AssegnazioneTerminata.class));
    }

    @Test
    void aNewAssignmentKeepsItsIdentificativo() {
        PersonaAssegnata evento = new PersonaAssegnata(ObiettivoId.di("ob-1"), "ROSSI MARIO", "M010", null, null,
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
        SerializedObject<byte[]> scritto = serializer.serialize(evento, byte[].class);
        assertEquals(evento, serializer.deserialize(scritto));
    }

    private <T> T leggi(String json, Class<T> tipo) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(tipo.getName(), null)));
    }
}
