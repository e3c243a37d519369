package it.comuni.peg;

import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.guasti.GuastoScheda;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.ObiettivoDiProva;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing event never stalls a projection silently: it is parked with the later events of its
 * objective, every other objective goes on, ops see it in the metric and the admin list, and once
 * the cause is gone the periodic retry applies what was parked, in order, with nobody's help.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class,
        properties = {"peg.test.guasto-scheda=true", "peg.proiezioni.ripresa-parcheggiati=2s"})
@ActiveProfiles("test")
@AutoConfigureMetrics
class EventiParcheggiatiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @AfterEach
    void ripara() {
        GuastoScheda.obiettivo = null;
    }

    @Test
    void aPoisonEventIsParkedTheRestGoesOnAndARetryAppliesIt() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String a = ObiettivoDiProva.conUnaFase(http);
        String b = ObiettivoDiProva.conUnaFase(http);
        GuastoScheda.obiettivo = a;

        ObiettivoDiProva.consuntivo(http, a, 1, 10);
        ObiettivoDiProva.consuntivo(http, b, 1, 10);
        ObiettivoDiProva.consuntivo(http, a, 0, 20);

        attendi(() -> ObiettivoDiProva.consuntivi(http, b) == 1, "l'obiettivo sano va avanti");
        attendi(() -> parcheggiati(http) == 2, "i due eventi dell'obiettivo guasto sono parcheggiati");
        JsonNode elenco = http.get("amministratore", "/api/admin/eventi-parcheggiati?proiezione=scheda").json();
        assertThat(elenco.get(0).get("aggregato").asText()).isEqualTo(a);
        assertThat(elenco.get(0).get("messaggio").asText()).contains("Guasto simulato");
        assertThat(ObiettivoDiProva.consuntivi(http, a)).isZero();
        assertThat(http.get("ops", "/actuator/prometheus").corpo())
                .containsPattern("peg_dead_letters\\{[^}]*processor=\"scheda\"[^}]*} 2.0");

        // still broken: the retry leaves them parked
        Risposta ancoraGuasto = http.post("amministratore", "/api/admin/eventi-parcheggiati/scheda/tentativi", "");
        assertThat(ancoraGuasto.json().get("ancoraParcheggiati").asLong()).isEqualTo(2);

        // the cause goes away (a transient one would): the periodic retry applies them, in order
        GuastoScheda.obiettivo = null;
        attendi(() -> ObiettivoDiProva.consuntivi(http, a) == 2, "la ripresa automatica applichi gli eventi parcheggiati");
        assertThat(parcheggiati(http)).isZero();
        Risposta riparato = http.post("amministratore", "/api/admin/eventi-parcheggiati/scheda/tentativi", "");
        assertThat(riparato.stato()).isEqualTo(200);
        assertThat(riparato.json().get("ancoraParcheggiati").asLong()).isZero();
        assertThat(http.get("dirigente", "/api/admin/eventi-parcheggiati").stato()).isEqualTo(403);
    }

    /**
     * The rebuild's fast path cannot park an event: when a projection fails on it, the rebuild falls
     * back to the processors, which park the poison event and rebuild everything else; the automatic
     * retry applies it once the cause is gone.
     */
    @Test
    void aRebuildThatMeetsAPoisonEventFallsBackToTheProcessorsWhichParkIt() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        String a = ObiettivoDiProva.conUnaFase(http);
        String b = ObiettivoDiProva.conUnaFase(http);
        ObiettivoDiProva.consuntivo(http, a, 1, 10);
        ObiettivoDiProva.consuntivo(http, b, 1, 10);
        attendi(() -> ObiettivoDiProva.consuntivi(http, a) == 1 && ObiettivoDiProva.consuntivi(http, b) == 1, "le schede abbiano i consuntivi");

        GuastoScheda.obiettivo = a;
        Risposta avvio = http.post("amministratore", "/api/admin/proiezioni/scheda/ricostruzione", "");
        assertThat(avvio.stato()).as(avvio.toString()).isEqualTo(202);
        attendi(() -> !scheda(http).get("inRicostruzione").asBoolean(), "la ricostruzione termini");
        assertThat(scheda(http).get("modo").asText()).isEqualTo("PROCESSORI");
        assertThat(ObiettivoDiProva.consuntivi(http, b)).isEqualTo(1);
        attendi(() -> parcheggiati(http) == 1, "il consuntivo dell'obiettivo guasto sia parcheggiato");
        assertThat(ObiettivoDiProva.consuntivi(http, a)).isZero();

        GuastoScheda.obiettivo = null;
        // the retry applies the parked event and then removes it from the queue: both are awaited
        attendi(() -> ObiettivoDiProva.consuntivi(http, a) == 1 && parcheggiati(http) == 0,
                "la ripresa automatica applichi il consuntivo parcheggiato e svuoti la coda");
    }

    private static JsonNode scheda(ClienteHttp http) {
        for (JsonNode p : http.get("amministratore", "/api/admin/proiezioni").json()) {
            if (p.get("proiezione").asText().equals("scheda")) {
                return p;
            }
        }
        throw new AssertionError("proiezione scheda assente");
    }

    private static long parcheggiati(ClienteHttp http) {
        return ObiettivoDiProva.parcheggiati(http, "scheda", null).size();
    }

    private static void attendi(Supplier<Boolean> condizione, String cosa) throws InterruptedException {
        assertThat(Attesa.entro(Duration.ofSeconds(60), condizione)).as("in attesa che " + cosa).isTrue();
    }
}
