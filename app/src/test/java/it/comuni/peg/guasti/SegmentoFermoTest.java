package it.comuni.peg.guasti;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.ObiettivoDiProva;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A segment of the scheda that really stops advancing while its events wait, and what ops see of it: the
 * admin JSON names the segment, the objective whose event it has not passed and the error; the metric
 * reports the stall; readiness turns DOWN no sooner than {@code peg.processori.stallo-massimo} after the
 * event arrived, and not for the other segment, which goes on, nor for the storico, which moves. Once the
 * cause is gone everything is UP again and the lag back to 0. Two causes, one per way a segment stalls:
 * <ol>
 * <li>a lock held on the objective's row (a real one, by another transaction): the segment keeps its
 * claim and retries inside its batch (no Axon error anywhere, the processor runs). The lock strikes as
 * the batch writes its rows, after Axon has written the batch's token: the token store must still end at
 * the head once the batch is applied again ({@code Parcheggio}), or the segment would look stalled;</li>
 * <li>a connection lost in the handler (planted, {@link GuastiPiantati}): the batch fails, Axon releases
 * the segment and claims it again after a back-off, for ever; the segment is then held by nobody most of
 * the time, and the processor's own status in memory would not show it at all.</li>
 * </ol>
 * Two segments per projection, so that a healthy objective lives in the other one. The stall threshold is
 * 8 s: an idle segment's token follows the head within Axon's claim-extension interval (5 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class,
        properties = {"peg.test.guasti-piantati=true", "peg.proiezioni.segmenti=2", "peg.proiezioni.ripresa-parcheggiati=PT1H",
                "peg.processori.stallo-massimo=PT8S", "peg.processori.sorveglianza=PT0.5S",
                // a lock held by the test is waited for one second at a time, and retried rather than parked
                "spring.datasource.hikari.connection-init-sql=SET SESSION innodb_lock_wait_timeout = 1",
                "peg.proiezioni.tentativi-contesa=1000", "peg.proiezioni.attesa-contesa=PT0.01S"})
@ActiveProfiles("test")
@AutoConfigureMetrics
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentoFermoTest {

    private static final Duration STALLO_MASSIMO = Duration.ofSeconds(8);
    private static final Duration ATTESA = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void ripara() {
        GuastiPiantati.ripara();
    }

    @Test
    void aLockHeldOnAnObjectiveStallsItsSegmentUntilReleased() throws Exception {
        JsonNode bloccato = bloccaEPoiSblocca("Lock wait timeout", fermo -> {
            Connection blocco = dataSource.getConnection();
            blocco.setAutoCommit(false);
            try (PreparedStatement s = blocco.prepareStatement("SELECT versione FROM scheda_obiettivo WHERE obiettivo_id = ? FOR UPDATE")) {
                s.setString(1, fermo);
                s.executeQuery().close();
            }
            return () -> {
                blocco.rollback();
                blocco.close();
            };
        });
        assertThat(bloccato.get("nodo").asText()).as("il segmento resta rivendicato").isNotBlank();
    }

    @Test
    void aBatchThatFailsForEverStallsItsSegmentEvenWhileNobodyHoldsIt() throws Exception {
        bloccaEPoiSblocca("Connessione al database persa (guasto piantato)", fermo -> {
            GuastiPiantati.tipo = GuastiPiantati.Tipo.CONNESSIONE;
            GuastiPiantati.obiettivo = fermo;
            return GuastiPiantati::ripara;
        });
    }

    /** What stops the segment of an objective; what it returns removes the cause. */
    private interface Causa {
        AutoCloseable applica(String obiettivo) throws Exception;
    }

    /**
     * The common course: two objectives, one per segment, every processor at the head; the cause applied
     * to the first, a consuntivo for each. The second is applied; readiness turns DOWN no sooner than the
     * threshold after the event, and readiness, admin JSON and metrics name the stuck segment, its
     * objective and {@code errore}. Once the cause is removed, everything is as before. Returns the stuck
     * segment as readiness showed it.
     */
    private JsonNode bloccaEPoiSblocca(String errore, Causa causa) throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        List<String> coppia = unoPerSegmento(http);
        String fermo = coppia.get(0);
        String sano = coppia.get(1);
        attendi(http, () -> allaTesta(http), "ogni processore alla testa e la prontezza UP");
        JsonNode bloccato;
        try (AutoCloseable rimuovi = causa.applica(fermo)) {
            Instant inviato = Instant.now();
            ObiettivoDiProva.consuntivo(http, fermo, 1, 10);
            ObiettivoDiProva.consuntivo(http, sano, 1, 10);

            attendi(http, () -> consuntivi(http, sano) == 1, "l'obiettivo nell'altro segmento vada avanti");
            Instant giu = attendiPronta(http, false);
            assertThat(Duration.between(inviato, giu)).as("DOWN non prima dello stallo massimo").isGreaterThanOrEqualTo(STALLO_MASSIMO);
            bloccato = bloccatoNellaProntezza(http, fermo);
            assertThat(bloccato.get("ultimoErrore").asText()).contains(errore);
            assertThat(bloccato.get("perche").asText()).contains(errore);
            segmentoBloccatoNelleAmministrazioni(http, fermo, errore);
            assertThat(consuntivi(http, fermo)).isZero();
        }
        tornaTuttoAPosto(http, fermo);
        return bloccato;
    }

    /**
     * The stuck segment as /api/admin/processori and /api/admin/proiezioni show it: its own status names
     * the objective, its event and the error; the slowest position is below the head, not at it; the other
     * segment and the storico are not stuck; the metric reports the stall and the lag.
     */
    private void segmentoBloccatoNelleAmministrazioni(ClienteHttp http, String fermo, String errore) {
        int atteso = segmentoDi(fermo);
        JsonNode scheda = processore(http, "scheda");
        assertThat(scheda.get("fermoDaSecondi").asLong()).as(scheda.toString()).isGreaterThanOrEqualTo(STALLO_MASSIMO.toSeconds());
        assertThat(scheda.get("posizione").asLong()).as(scheda.toString()).isLessThan(scheda.get("testa").asLong());
        assertThat(scheda.get("ritardoEventi").asLong()).as(scheda.toString()).isPositive();
        for (JsonNode s : scheda.get("segmenti")) {
            if (s.get("segmento").asInt() == atteso) {
                assertThat(s.get("bloccato").asBoolean()).as(s.toString()).isTrue();
                assertThat(s.get("primoInAttesa").get("aggregato").asText()).as(s.toString()).isEqualTo(fermo);
                assertThat(s.get("primoInAttesa").get("evento").asText()).as(s.toString()).isEqualTo("ConsuntivoRegistrato");
                assertThat(s.get("ultimoErrore").asText()).as(s.toString()).contains(errore);
            } else {
                assertThat(s.get("bloccato").asBoolean()).as("l'altro segmento: " + s).isFalse();
            }
        }
        JsonNode storico = processore(http, "storico");
        assertThat(storico.get("fermoDaSecondi").asLong()).as(storico.toString()).isLessThan(STALLO_MASSIMO.toSeconds());

        JsonNode proiezione = null;
        for (JsonNode p : http.get("amministratore", "/api/admin/proiezioni").json()) {
            if (p.get("proiezione").asText().equals("scheda")) {
                proiezione = p;
            }
        }
        assertThat(proiezione).isNotNull();
        assertThat(proiezione.get("posizione").asLong()).as("la scheda non è alla testa: " + proiezione)
                .isLessThan(proiezione.get("testa").asLong());
        assertThat(proiezione.get("fermoDaSecondi").asLong()).as(proiezione.toString()).isGreaterThanOrEqualTo(STALLO_MASSIMO.toSeconds());
        assertThat(proiezione.get("segmenti").toString()).contains(fermo).contains(errore);

        assertThat(metrica(http, "peg_event_processor_stalled_seconds", "scheda")).isGreaterThanOrEqualTo(STALLO_MASSIMO.toSeconds());
        assertThat(metrica(http, "peg_event_processor_stalled_seconds", "storico")).isLessThan(STALLO_MASSIMO.toSeconds());
        assertThat(metrica(http, "peg_event_processor_lag_events", "scheda")).isPositive();
    }

    /** Once the cause is gone: the objective's consuntivo applied, readiness UP, nothing stalled, lag 0. */
    private void tornaTuttoAPosto(ClienteHttp http, String fermo) throws InterruptedException {
        attendi(http, () -> consuntivi(http, fermo) == 1, "il consuntivo dell'obiettivo bloccato sia applicato");
        attendiPronta(http, true);
        attendi(http, () -> allaTesta(http), "ogni processore di nuovo alla testa");
        attendi(http, () -> metrica(http, "peg_event_processor_lag_events", "scheda") == 0
                && metrica(http, "peg_event_processor_stalled_seconds", "scheda") == 0, "ritardo e stallo della scheda a 0");
        // the command side's subscribing processor handles each event as it is published: never behind
        assertThat(metrica(http, "peg_event_processor_lag_events", "organigrammi")).isZero();
        JsonNode segmento = processore(http, "scheda").get("segmenti").get(segmentoDi(fermo));
        assertThat(segmento.get("bloccato").asBoolean()).isFalse();
        assertThat(segmento.has("ultimoErrore")).as("l'ultimo errore resta visibile: " + segmento).isTrue();
    }

    /** The stuck segment in the readiness details (OPS role) of the scheda: the objective, its event, why. */
    private static JsonNode bloccatoNellaProntezza(ClienteHttp http, String fermo) {
        Risposta r = http.get("ops", "/actuator/health/readiness");
        assertThat(r.stato()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().get("status").asText()).isEqualTo("DOWN");
        JsonNode processori = r.json().get("components").get("processori");
        assertThat(processori.get("status").asText()).as(r.toString()).isEqualTo("DOWN");
        JsonNode scheda = processori.get("details").get("scheda");
        assertThat(scheda.get("stato").asText()).isEqualTo("segmenti bloccati");
        assertThat(processori.get("details").get("storico").has("segmentiBloccati")).as(r.toString()).isFalse();
        JsonNode bloccati = scheda.get("segmentiBloccati");
        assertThat(bloccati.size()).as(r.toString()).isEqualTo(1);
        JsonNode bloccato = bloccati.get(0);
        assertThat(bloccato.get("segmento").asInt()).isEqualTo(segmentoDi(fermo));
        assertThat(bloccato.get("primoInAttesa").get("aggregato").asText()).isEqualTo(fermo);
        assertThat(bloccato.get("primoInAttesa").get("tipoAggregato").asText()).isEqualTo("Obiettivo");
        assertThat(bloccato.get("primoInAttesa").get("evento").asText()).isEqualTo("ConsuntivoRegistrato");
        assertThat(bloccato.get("fermoDaSecondi").asLong()).isGreaterThanOrEqualTo(STALLO_MASSIMO.toSeconds());
        return bloccato;
    }

    /** Every processor runs, has passed the head of the store and has no stuck segment, and readiness is UP. */
    private static boolean allaTesta(ClienteHttp http) {
        for (JsonNode p : http.get("amministratore", "/api/admin/processori").json()) {
            if (!p.get("running").asBoolean() || p.get("ritardoEventi").asLong() != 0 || p.get("fermoDaSecondi").asLong() != 0) {
                return false;
            }
        }
        return Verifiche.pronta(http);
    }

    /** Waits for readiness to say UP (200) or DOWN (503); returns when it first did. */
    private static Instant attendiPronta(ClienteHttp http, boolean pronta) throws InterruptedException {
        attendi(http, () -> http.get(null, "/actuator/health/readiness").stato() == (pronta ? 200 : 503),
                "la prontezza diventi " + (pronta ? "UP" : "DOWN"));
        return Instant.now();
    }

    /** Two new objectives, the first in segment 0 or 1 and the second in the other one. */
    private static List<String> unoPerSegmento(ClienteHttp http) {
        List<String> creati = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            creati.add(ObiettivoDiProva.conUnaFase(http));
            for (String a : creati) {
                for (String b : creati) {
                    if (segmentoDi(a) != segmentoDi(b)) {
                        return List.of(a, b);
                    }
                }
            }
        }
        throw new AssertionError("20 obiettivi tutti nello stesso segmento: " + creati);
    }

    /** The scheda's segment of an objective: two segments, split by the hash of the aggregate's id (Axon's default policy). */
    private static int segmentoDi(String obiettivo) {
        return Segment.computeSegment(0, 0, 1).matches(obiettivo) ? 0 : 1;
    }

    private static JsonNode processore(ClienteHttp http, String nome) {
        Risposta r = http.get("amministratore", "/api/admin/processori/" + nome);
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** The value of {@code nome}{processor=...} in the Prometheus scrape. */
    private static double metrica(ClienteHttp http, String nome, String processore) {
        Risposta r = http.get("ops", "/actuator/prometheus");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        for (String riga : r.corpo().split("\n")) {
            if (riga.startsWith(nome + "{") && riga.contains("processor=\"" + processore + "\"")) {
                return Double.parseDouble(riga.substring(riga.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(nome + " di " + processore + " assente dallo scrape");
    }

    private static int consuntivi(ClienteHttp http, String id) {
        Risposta r = http.get("nucleo", "/api/obiettivi/" + id);
        return r.stato() != 200 || r.json().get("fasi").isEmpty() ? -1 : r.json().get("fasi").get(0).get("consuntivi").size();
    }

    /** Waits for the condition; on failure says what was awaited, and what readiness and the processors said last. */
    private static void attendi(ClienteHttp http, Supplier<Boolean> condizione, String cosa) throws InterruptedException {
        assertThat(Attesa.entro(ATTESA, condizione)).as(() -> "in attesa che " + cosa + "\n" + http.get("ops", "/actuator/health/readiness")
                + "\n" + http.get("amministratore", "/api/admin/processori")).isTrue();
    }
}
