package it.comuni.peg.guasti;

import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow command transaction: its event takes its global index, then the transaction stays open
 * while other commands commit events with higher indexes, which the projections process and the
 * sealer reaches. Neither may step over the hole for good: once the slow transaction commits, its
 * event is in the projection (Axon's gap timeout, 10 minutes here, far above the hold, which stays
 * within the bound every transaction has: peg.transazioni, 30 s + 30 s idle) and in
 * the chain of seals in its place (the sealer waits at the hole), and the chain verifies whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
@Import(Trattenimento.class)
class TransazioneLentaTest {

    private static final Duration ATTESA = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTransactionHeldOpenIsNeitherSkippedByTheProjectionsNorSealedPast() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        int anno = LocalDate.now().getYear();
        List<String> obiettivi = Verifiche.definisciObiettivi(http, anno, 6);
        String lento = obiettivi.get(0);
        Verifiche.attendiAllaTesta(http, Duration.ofSeconds(60));

        CompletableFuture<Risposta> comandoLento = CompletableFuture.supplyAsync(() -> http.post("controllo",
                "/api/obiettivi/" + lento + "/fasi", "{\"numero\":2,\"titolo\":\"Fase scritta lentamente\"}",
                Map.of("X-Request-Id", Trattenimento.richiesta(false, ATTESA.toMillis(), "1"))));
        long indiceLento = Verifiche.attendiIndice(jdbc, lento, 2);

        // meanwhile other objectives move on, are projected and sealed up to the hole
        for (String id : obiettivi.subList(1, obiettivi.size())) {
            assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":2,\"titolo\":\"Fase veloce\"}").stato())
                    .isEqualTo(200);
        }
        String ultimo = obiettivi.get(obiettivi.size() - 1);
        assertThat(Attesa.entro(Duration.ofSeconds(30), () -> http.get("nucleo", "/api/obiettivi/" + ultimo).json()
                .get("fasi").size() == 2)).as("proiezione degli altri").isTrue();
        assertThat(comandoLento).as("la transazione lenta è ancora aperta").isNotDone();
        JsonNode durante = http.get("nucleo", Verifiche.VERIFICA).json();
        assertThat(durante.get("integra").asBoolean()).as(durante.toString()).isTrue();
        assertThat(durante.get("indiceDiTesta").asLong()).as("sigilli fermi al buco").isLessThan(indiceLento);
        assertThat(durante.get("eventiInAttesaDiSigillo").asLong()).as(durante.toString()).isPositive();

        Risposta risposta = comandoLento.get();
        assertThat(risposta.stato()).as(risposta.toString()).isEqualTo(200);
        long massimoDegliAltri = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier <> ?",
                Long.class, lento);
        assertThat(indiceLento).as("l'evento lento ha un indice anteriore a eventi confermati prima").isLessThan(massimoDegliAltri);

        // a skipped event would never show: the index of the others is past it, and no one asks again
        assertThat(Attesa.entro(Duration.ofSeconds(60), () -> http.get("nucleo", "/api/obiettivi/" + lento).json()
                .get("fasi").toString().contains("Fase scritta lentamente")))
                .as("fase lenta nella scheda: %s", new Object() { public String toString() { return Verifiche.stato(http); } }).isTrue();
        assertThat(Attesa.entro(Duration.ofSeconds(60), () -> http.get("nucleo", "/api/obiettivi/" + lento + "/storico").json()
                .get("totale").asInt() == 3)).as("voce lenta nello storico").isTrue();
        assertThat(Attesa.entro(Duration.ofSeconds(60), () -> http.get("nucleo", Verifiche.VERIFICA).json()
                .get("eventiInAttesaDiSigillo").asLong() == 0)).as("sigilli alla testa").isTrue();
        JsonNode catena = Verifiche.catenaIntegra(http);
        long eventi = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        assertThat(catena.get("eventiVerificati").asLong()).isEqualTo(eventi);
    }
}
