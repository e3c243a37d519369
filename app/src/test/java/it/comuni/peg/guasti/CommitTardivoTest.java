package it.comuni.peg.guasti;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.ProcessoFiglio;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event committed late: a command transaction that holds its global index longer than the gap
 * timeout (here 12 s) while later events are committed, projected and sealed. A tracking processor
 * that reads an event older than the gap timeout drops every gap below it for good (Axon's
 * JpaEventStorageEngine), and the sealer seals past a hole older than the gap timeout: the late
 * event would be in neither, ever. Whatever happens to the slow commands, every event in the store
 * must be in every projection and in the chain of seals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class, properties = {
        "peg.eventstore.gap-timeout=12s",
        "peg.transazioni.durata-massima=1s",
        "peg.transazioni.inattivita-massima=2s"})
@ActiveProfiles("test")
@Import(Trattenimento.class)
class CommitTardivoTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntiDiProva enti;

    @Value("${spring.datasource.url}")
    String url;

    /**
     * Two slow commands: A would hold index N 20 s, B N+1 14 s (past the gap timeout), while fast
     * commands commit later indexes. Were B to commit, a processor would read an event older than the
     * gap timeout and forget the gap at N, and the sealer would have sealed past N and N+1: A's
     * event, committed last, would be in no projection and no seal (that is what happened before
     * the bound). With the bound (1 s here) both are rolled back at their deadline, the clients get
     * a 503 problem+json to retry, nothing of theirs is recorded, and their retries are recorded once.
     */
    @Test
    void commandTransactionsHeldPastTheGapTimeoutSkipNoEvent() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        int anno = LocalDate.now().getYear();
        List<String> obiettivi = Verifiche.definisciObiettivi(http, anno, 4);
        Verifiche.attendiAllaTesta(http, Duration.ofSeconds(60));

        long inizio = System.nanoTime();
        CompletableFuture<Risposta> a = lento(http, obiettivi.get(0), 20_000, "a");
        long indiceA = Verifiche.attendiIndice(jdbc, obiettivi.get(0), 2);
        CompletableFuture<Risposta> b = lento(http, obiettivi.get(1), 14_000, "b");
        long indiceB = Verifiche.attendiIndice(jdbc, obiettivi.get(1), 2);
        assertThat(indiceB).isGreaterThan(indiceA);
        for (String id : obiettivi.subList(2, obiettivi.size())) {
            Risposta r = http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":2,\"titolo\":\"Fase veloce\"}");
            assertThat(r.stato()).as(r.toString()).isEqualTo(200);
        }
        Risposta rispostaA = a.get();
        long durataA = (System.nanoTime() - inizio) / 1_000_000;
        Risposta rispostaB = b.get();

        Verifiche.attendiAllaTesta(http, Duration.ofSeconds(60));
        Verifiche.nessunEventoSaltato(http, jdbc);

        // the bound cut both short: rolled back whole, a 503 to retry, nothing recorded
        for (Risposta r : List.of(rispostaA, rispostaB)) {
            assertThat(r.stato()).as(r.toString()).isEqualTo(503);
            assertThat(r.intestazione("Content-Type")).startsWith("application/problem+json");
            assertThat(r.intestazione("Retry-After")).isNotBlank();
            assertThat(r.json().get("type").asText()).isEqualTo("urn:peg:problema:tempo-scaduto");
            assertThat(r.json().get("detail").asText()).contains("1 secondi", "nulla ne è stato registrato");
        }
        assertThat(durataA).as("il comando lento è annullato al limite, non alla fine della sua attesa").isLessThan(10_000);
        assertThat(Verifiche.indiceNonConfermato(jdbc, obiettivi.get(0), 2)).isNull();
        assertThat(Verifiche.indiceNonConfermato(jdbc, obiettivi.get(1), 2)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM richiesta_idempotente WHERE chiave LIKE 'tardivo-%'", Long.class))
                .isZero();
        // retried with their keys, at normal speed: recorded once each
        for (int i = 0; i < 2; i++) {
            String nome = i == 0 ? "a" : "b";
            Risposta riprova = http.post("controllo", "/api/obiettivi/" + obiettivi.get(i) + "/fasi",
                    "{\"numero\":2,\"titolo\":\"Fase trattenuta " + nome + "\"}", Map.of("Idempotency-Key", "tardivo-" + nome));
            assertThat(riprova.stato()).as(riprova.toString()).isEqualTo(200);
        }
        Verifiche.attendiAllaTesta(http, Duration.ofSeconds(60));
        Verifiche.nessunEventoSaltato(http, jdbc);
    }

    /**
     * An import whose objective cannot be recorded within the bound (every command of this request
     * held 200 ms: the first objective, one command, fits in 1 s; the second, sixteen, does not):
     * the second objective is rolled back whole and the import stops with a 503 saying so, the first
     * stays; sending the file again at normal speed imports the rest and skips the first.
     */
    @Test
    void anImportObjectiveBeyondTheBoundIsRolledBackWholeAndTheImportSaysWhatToDo() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        StringBuilder csv = new StringBuilder("""
                tipo;chiave;titolo;settore;peso_indicatori;peso_fasi;numero
                OBIETTIVO;A;Obiettivo breve;SSEGEN;50;50;
                OBIETTIVO;B;Obiettivo lungo;SSEGEN;50;50;
                """);
        for (int fase = 1; fase <= 15; fase++) {
            csv.append("FASE;B;Fase ").append(fase).append(";;;;").append(fase).append('\n');
        }
        byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String percorso = "/api/import/csv?ente=" + enti.prepara("c_lento") + "&anno=" + LocalDate.now().getYear();

        Risposta lenta = http.postFile("controllo", percorso, "peg.csv", "text/csv", file,
                Map.of("X-Request-Id", Trattenimento.richiesta(true, 200, "importazione")));
        assertThat(lenta.stato()).as(lenta.toString()).isEqualTo(503);
        assertThat(lenta.intestazione("Content-Type")).startsWith("application/problem+json");
        assertThat(lenta.intestazione("Retry-After")).isNotBlank();
        assertThat(lenta.json().get("type").asText()).isEqualTo("urn:peg:problema:tempo-scaduto");
        assertThat(lenta.json().get("detail").asText()).contains("Importazione interrotta", "Reinviare lo stesso file");
        assertThat(eventiDi("Obiettivo breve")).as("il primo obiettivo resta").isEqualTo(1);
        assertThat(eventiDi("Obiettivo lungo")).as("del secondo nulla").isZero();

        Risposta ripresa = http.postFile("controllo", percorso, "peg.csv", "text/csv", file, Map.of());
        assertThat(ripresa.stato()).as(ripresa.toString()).isEqualTo(200);
        assertThat(ripresa.json().get("nuovi").asInt()).isEqualTo(1);
        assertThat(ripresa.json().get("giaPresenti").asInt()).isEqualTo(1);
        Verifiche.attendiAllaTesta(http, Duration.ofSeconds(60));
        Verifiche.nessunEventoSaltato(http, jdbc);
    }

    /** Events of the objective (one, by its title) whose definition is in the store. */
    private long eventiDi(String titolo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN (SELECT aggregate_identifier"
                + " FROM domain_event_entry WHERE payload_type LIKE '%ObiettivoDefinito' AND CAST(payload AS CHAR) LIKE ?)",
                Long.class, "%" + titolo + "%");
    }

    /**
     * A process frozen with kill -STOP while its command's transaction holds a global index, for
     * longer than the gap timeout, while another process goes on committing: the server rolls the
     * frozen transaction back (nothing can commit late once the process resumes), the other process
     * projects and seals every event, and the frozen command, retried with its key, is recorded once.
     */
    @Test
    void aProcessFrozenMidTransactionPastTheGapTimeoutCommitsNothingLateAndSkipsNothing() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        int anno = LocalDate.now().getYear();
        List<String> obiettivi = Verifiche.definisciObiettivi(http, anno, 3);
        int portaFiglio = Verifiche.portaLibera();
        ProcessoFiglio figlio = ProcessoFiglio.avvia(ApplicazioneTrattenuta.class, url, portaFiglio, ZoneId.systemDefault(),
                Path.of("target", "commit-tardivo-figlio.log").toAbsolutePath(),
                List.of("--peg.eventstore.gap-timeout=12s", "--peg.transazioni.durata-massima=1s", "--peg.transazioni.inattivita-massima=2s"));
        try {
            ClienteHttp altroProcesso = new ClienteHttp(portaFiglio);
            assertThat(Attesa.entro(Duration.ofSeconds(180), () -> Verifiche.pronta(altroProcesso))).as("figlio avviato").isTrue();
            String corpo = "{\"numero\":2,\"titolo\":\"Fase del processo fermato\"}";
            String percorso = "/api/obiettivi/" + obiettivi.get(0) + "/fasi";
            CompletableFuture<Risposta> fermato = CompletableFuture.supplyAsync(() -> altroProcesso.post("controllo", percorso, corpo,
                    Map.of("X-Request-Id", Trattenimento.richiesta(false, 10_000, "fermato"), "Idempotency-Key", "fermato")));
            long indice = Verifiche.attendiIndice(jdbc, obiettivi.get(0), 2);
            figlio.congela();
            long fermatoIl = System.nanoTime();
            assertThat(Verifiche.indiceNonConfermato(jdbc, obiettivi.get(0), 2)).as("fermato con la transazione aperta").isEqualTo(indice);

            // while it is frozen, past the gap timeout, this process goes on committing, projecting and sealing
            Carico carico = new Carico(() -> porta, obiettivi.subList(1, obiettivi.size()), anno, "durante-il-fermo");
            carico.avvia(1);
            boolean annullataDalServer = Attesa.entro(Duration.ofSeconds(10), () -> Verifiche.indiceNonConfermato(jdbc, obiettivi.get(0), 2) == null);
            long annullataDopoMs = (System.nanoTime() - fermatoIl) / 1_000_000;
            Thread.sleep(Math.max(0, 14_000 - annullataDopoMs));
            carico.ferma();
            figlio.scongela();
            Risposta risposta = fermato.get(60, TimeUnit.SECONDS);

            Verifiche.attendiAllaTesta(http, Duration.ofSeconds(60));
            Verifiche.nessunEventoSaltato(http, jdbc);
            assertThat(annullataDalServer).as("transazione del processo fermato annullata dal server").isTrue();
            assertThat(risposta.stato()).as(risposta.toString()).isEqualTo(503);
            assertThat(risposta.intestazione("Content-Type")).startsWith("application/problem+json");
            assertThat(risposta.intestazione("Retry-After")).isNotBlank();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM richiesta_idempotente WHERE chiave = 'fermato'", Long.class)).isZero();
            Risposta riprova = http.post("controllo", percorso, corpo, Map.of("Idempotency-Key", "fermato"));
            assertThat(riprova.stato()).as(riprova.toString()).isEqualTo(200);
            assertThat(Carico.chiaviNelloStore(jdbc.queryForList("SELECT meta_data FROM domain_event_entry", byte[].class))
                    .get("fermato")).isEqualTo(1);
            System.out.printf("COMMIT TARDIVO: processo fermato %d ms, transazione annullata dal server dopo %d ms,"
                    + " %d comandi dell'altro processo nel frattempo, eventi saltati 0%n",
                    14_000, annullataDopoMs, carico.invii().size());
        } finally {
            if (figlio.processo().isAlive()) {
                // a frozen process ignores SIGTERM until it runs again
                figlio.scongela();
            }
            figlio.close();
        }
    }

    private static CompletableFuture<Risposta> lento(ClienteHttp http, String obiettivo, long millisecondi, String nome) {
        return CompletableFuture.supplyAsync(() -> http.post("controllo", "/api/obiettivi/" + obiettivo + "/fasi",
                "{\"numero\":2,\"titolo\":\"Fase trattenuta " + nome + "\"}",
                Map.of("X-Request-Id", Trattenimento.richiesta(true, millisecondi, nome), "Idempotency-Key", "tardivo-" + nome)));
    }
}
