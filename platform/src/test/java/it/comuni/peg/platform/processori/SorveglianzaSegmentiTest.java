package it.comuni.peg.platform.processori;

import it.comuni.peg.platform.axon.AxonConfig;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a segment's status says, on a real MariaDB (token_entry, the event store, segmento_processore as
 * the migrations make them) and a clock the test moves: an idle segment is never stalled, a moving one
 * starts again from 0 at each advance, one standing still while events wait is stuck from
 * {@code stallo-massimo} on, whoever holds it or if nobody does; a stuck segment names the first event it
 * has not passed and why; a failing batch's error is kept where another node reads it.
 */
class SorveglianzaSegmentiTest {

    private static final Duration STALLO_MASSIMO = Duration.ofMinutes(2);
    private static final String PROCESSORE = "scheda";
    private static final String NODO = "4242@nodo-a";

    private final Serializer serializer = new AxonConfig().serializer();
    private final Orologio orologio = new Orologio(Instant.parse("2026-03-02T09:00:00Z"));
    private JdbcTemplate jdbc;
    private SorveglianzaSegmenti sorveglianza;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(MariaDbDiTest.nuovoDatabase(), MariaDbDiTest.utente(),
                MariaDbDiTest.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        sorveglianza = new SorveglianzaSegmenti(new TokenCondivisi(jdbc, serializer), jdbc, orologio, STALLO_MASSIMO);
    }

    @Test
    void anIdleSegmentIsNeverStalled() {
        eventi(5);
        token(0, 5L, NODO);
        token(1, 5L, NODO);
        sorveglianza.stati(PROCESSORE, true);
        orologio.avanza(Duration.ofHours(3));

        for (StatoSegmento s : sorveglianza.stati(PROCESSORE, true)) {
            assertThat(s.ritardoEventi()).isZero();
            assertThat(s.fermoDal()).isNull();
            assertThat(s.fermoDaSecondi()).isZero();
            assertThat(s.bloccato()).isFalse();
            assertThat(s.primoInAttesa()).isNull();
            assertThat(s.perche()).isNull();
        }
    }

    @Test
    void aMovingSegmentStartsAgainAtEachAdvanceAndStopsCountingOnceCaughtUp() {
        eventi(10);
        token(0, 5L, NODO);
        Instant inizio = orologio.instant();
        assertThat(unico().fermoDal()).isEqualTo(inizio);

        orologio.avanza(Duration.ofSeconds(90));
        assertThat(unico().fermoDaSecondi()).isEqualTo(90);
        token(0, 7L, NODO);
        orologio.avanza(Duration.ofSeconds(1));
        StatoSegmento avanzato = unico();
        assertThat(avanzato.fermoDaSecondi()).isZero();
        assertThat(avanzato.ultimoAvanzamento()).isEqualTo(orologio.instant());
        orologio.avanza(Duration.ofSeconds(90));
        assertThat(unico().fermoDaSecondi()).isEqualTo(90);
        assertThat(unico().bloccato()).isFalse();

        token(0, 10L, NODO);
        orologio.avanza(Duration.ofMinutes(10));
        StatoSegmento allaTesta = unico();
        assertThat(allaTesta.fermoDal()).isNull();
        assertThat(allaTesta.fermoDaSecondi()).isZero();
        assertThat(allaTesta.ritardoEventi()).isZero();
    }

    @Test
    void aSegmentThatStandsStillWhileEventsWaitIsStuckFromTheThresholdAndNamesItsFirstEvent() {
        String diZero = aggregatoNelSegmento(0);
        String diUno = aggregatoNelSegmento(1);
        evento(1, diZero);
        evento(2, diUno);
        evento(3, diZero);
        evento(4, diUno);
        token(0, 1L, NODO);
        token(1, 4L, NODO);
        sorveglianza.stati(PROCESSORE, false);

        orologio.avanza(STALLO_MASSIMO.minusSeconds(1));
        assertThat(sorveglianza.stati(PROCESSORE, true).get(0).bloccato()).isFalse();
        orologio.avanza(Duration.ofSeconds(1));
        List<StatoSegmento> stati = sorveglianza.stati(PROCESSORE, true);

        StatoSegmento fermo = stati.get(0);
        assertThat(fermo.bloccato()).isTrue();
        assertThat(fermo.fermoDaSecondi()).isEqualTo(STALLO_MASSIMO.toSeconds());
        assertThat(fermo.ritardoEventi()).isEqualTo(3);
        // event 2 is the other segment's: the one it has not passed is event 3
        assertThat(fermo.primoInAttesa()).isEqualTo(new StatoSegmento.EventoInAttesa(3, diZero, "Obiettivo", "ConsuntivoRegistrato"));
        assertThat(fermo.perche()).contains("Il nodo " + NODO + " tiene il segmento ma non avanza");
        assertThat(stati.get(1).bloccato()).isFalse();
        assertThat(StatoSegmento.stalloPiuLungo(stati)).isEqualTo(STALLO_MASSIMO.toSeconds());
    }

    @Test
    void aSegmentHeldByNobodyIsStuckAllTheSame() {
        eventi(3);
        token(0, null, null);
        sorveglianza.stati(PROCESSORE, false);
        orologio.avanza(STALLO_MASSIMO.plusSeconds(30));

        StatoSegmento fermo = unico();
        assertThat(fermo.posizione()).isNull();
        assertThat(fermo.ritardoEventi()).isEqualTo(4);
        assertThat(fermo.bloccato()).isTrue();
        assertThat(fermo.nodo()).isNull();
        assertThat(fermo.perche()).startsWith("Nessun nodo tiene il segmento");
    }

    @Test
    void aBatchThatFailsForGoodBecomesItsSegmentsLastErrorForEveryNode() {
        String diZero = aggregatoNelSegmento(0);
        String diUno = aggregatoNelSegmento(1);
        evento(1, diUno);
        evento(2, diZero);
        token(0, 0L, null);
        token(1, 2L, NODO);
        sorveglianza.stati(PROCESSORE, false);
        orologio.avanza(Duration.ofSeconds(30));
        ErrorHandler rilancia = contesto -> {
            throw new IllegalStateException("lotto fallito", contesto.error());
        };
        var lotto = List.of(new GenericDomainEventMessage<>("Obiettivo", diZero, 0, "payload"));

        assertThatThrownBy(() -> sorveglianza.sorvegliato(rilancia).handleError(new ErrorContext(PROCESSORE,
                new SQLNonTransientConnectionException("Connessione persa", "08S01"), lotto)))
                .hasMessage("lotto fallito");
        orologio.avanza(STALLO_MASSIMO);

        // read by another node, with its own instance
        SorveglianzaSegmenti altroNodo = new SorveglianzaSegmenti(new TokenCondivisi(jdbc, serializer), jdbc, orologio, STALLO_MASSIMO);
        StatoSegmento fermo = altroNodo.stati(PROCESSORE, true).get(0);
        assertThat(fermo.bloccato()).isTrue();
        assertThat(fermo.ultimoErrore()).isEqualTo("SQLNonTransientConnectionException: Connessione persa");
        assertThat(fermo.ultimoErroreIl()).isEqualTo(Instant.parse("2026-03-02T09:00:30Z"));
        assertThat(fermo.ultimoErroreNodo()).isNotBlank();
        assertThat(fermo.perche()).startsWith("Il segmento fallisce e riprova: SQLNonTransientConnectionException: Connessione persa");
        assertThat(fermo.primoInAttesa().aggregato()).isEqualTo(diZero);

        token(0, 2L, NODO);
        StatoSegmento ripreso = altroNodo.stati(PROCESSORE, true).get(0);
        assertThat(ripreso.bloccato()).isFalse();
        assertThat(ripreso.perche()).isNull();
        assertThat(ripreso.ultimoErrore()).as("l'ultimo errore resta, con la sua ora").contains("Connessione persa");
    }

    @Test
    void anErrorHandlerThatCopesRecordsNothing() throws Exception {
        eventi(1);
        token(0, 0L, NODO);
        ErrorHandler tace = contesto -> {
        };
        sorveglianza.sorvegliato(tace).handleError(new ErrorContext(PROCESSORE, new IllegalStateException("parcheggiato"),
                List.of(new GenericDomainEventMessage<>("Obiettivo", "a", 0, "payload"))));
        assertThat(unico().ultimoErrore()).isNull();
    }

    private StatoSegmento unico() {
        List<StatoSegmento> stati = sorveglianza.stati(PROCESSORE, true);
        assertThat(stati).hasSize(1);
        return stati.get(0);
    }

    /** Writes the segment's row of token_entry as Axon's JPA token store does: a gap-aware token, or none. */
    private void token(int segmento, Long posizione, String nodo) {
        byte[] dati = null;
        String tipo = null;
        if (posizione != null) {
            SerializedObject<byte[]> token = serializer.serialize(GapAwareTrackingToken.newInstance(posizione, Set.of()), byte[].class);
            dati = token.getData();
            tipo = token.getType().getName();
        }
        jdbc.update("REPLACE INTO token_entry (processor_name, segment, token, token_type, timestamp, owner) VALUES (?, ?, ?, ?, ?, ?)",
                PROCESSORE, segmento, dati, tipo, orologio.instant().toString(), nodo);
    }

    /** Events 1 to {@code quanti}, each of an aggregate of its own. */
    private void eventi(int quanti) {
        for (int i = 1; i <= quanti; i++) {
            evento(i, "obiettivo-" + i);
        }
    }

    private void evento(long indice, String aggregato) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload) VALUES (?, ?, ?, ?, 'Obiettivo', ?, ?, ?)",
                indice, UUID.randomUUID().toString(), aggregato, indice, orologio.instant().toString(),
                "it.comuni.peg.api.consuntivo.ConsuntivoRegistrato", "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** An aggregate identifier that segment {@code id} of two handles (Axon's split by the identifier's hash). */
    private static String aggregatoNelSegmento(int id) {
        Segment segmento = Segment.computeSegment(id, 0, 1);
        for (int i = 0; ; i++) {
            String candidato = "obiettivo-" + id + "-" + i;
            if (segmento.matches(candidato)) {
                return candidato;
            }
        }
    }

    /** A clock that stands still until the test moves it. */
    private static final class Orologio extends Clock {

        private Instant adesso;

        Orologio(Instant adesso) {
            this.adesso = adesso;
        }

        void avanza(Duration quanto) {
            adesso = adesso.plus(quanto);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zona) {
            return this;
        }

        @Override
        public Instant instant() {
            return adesso;
        }
    }
}
