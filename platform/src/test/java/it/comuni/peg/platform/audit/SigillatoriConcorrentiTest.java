package it.comuni.peg.platform.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processes seal one store (each command side and query side runs a sealer) without a
 * named lock, which a Galera cluster refuses: one seals nothing while another holds the head of the
 * chain, and sealers racing on an appending store leave one chain that verifies, every event
 * sealed once.
 */
class SigillatoriConcorrentiTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(MariaDbDiTest.nuovoDatabase(),
            MariaDbDiTest.utente(), MariaDbDiTest.password());
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    SigillatoriConcorrentiTest() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void whileOneSealerHoldsTheHeadAnotherSealsNothingAndThenGoesOn() {
        aggiungiEventi(3);
        assertThat(sigillatore().sigilla()).isEqualTo(3);
        aggiungiEventi(2);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Integer durante = tx.execute(s -> {
            jdbc.queryForObject("SELECT global_index FROM sigillo_evento ORDER BY global_index DESC LIMIT 1 FOR UPDATE", Long.class);
            // another connection, another transaction: the lock above is held until this one ends
            return sigillatore().sigilla();
        });
        assertThat(durante).isZero();
        assertThat(sigillatore().sigilla()).isEqualTo(2);
        assertThat(new VerificaCatena(jdbc).verifica().integra()).isTrue();
    }

    @Test
    void sealersRacingOnAnAppendingStoreLeaveOneChainThatVerifies() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> esiti = new ArrayList<>();
            Future<?> scrittore = pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    aggiungiEventi(5);
                }
            });
            for (int s = 0; s < 3; s++) {
                Sigillatore sigillatore = sigillatore();
                esiti.add(pool.submit((Callable<Integer>) () -> {
                    int sigillati = 0;
                    while (!scrittore.isDone()) {
                        sigillati += sigillaSenzaFermarsi(sigillatore);
                    }
                    return sigillati + sigillaSenzaFermarsi(sigillatore);
                }));
            }
            scrittore.get();
            int totale = 0;
            for (Future<Integer> esito : esiti) {
                totale += esito.get();
            }
            totale += sigillatore().sigilla();
            assertThat(totale).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sigillo_evento", Long.class)).isEqualTo(100L);
        EsitoVerifica verifica = new VerificaCatena(jdbc).verifica();
        assertThat(verifica.integra()).as(verifica.toString()).isTrue();
    }

    /** What the scheduled round does: a round that met another sealer's insert seals nothing. */
    private static int sigillaSenzaFermarsi(Sigillatore sigillatore) {
        try {
            return sigillatore.sigilla();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** A sealer with a data source of its own, as in another process (never joining this test's transaction). */
    private Sigillatore sigillatore() {
        DriverManagerDataSource proprio = new DriverManagerDataSource(dataSource.getUrl(), dataSource.getUsername(),
                dataSource.getPassword());
        return new Sigillatore(new JdbcTemplate(proprio), new DataSourceTransactionManager(proprio), new SimpleMeterRegistry(),
                Duration.ofMinutes(10));
    }

    /** Appends in one transaction, as a command does: the sealers may meet the hole it leaves while open. */
    private synchronized void aggiungiEventi(int quanti) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(s -> appendi(quanti));
    }

    private void appendi(int quanti) {
        for (int i = 0; i < quanti; i++) {
            long indice = jdbc.queryForObject("SELECT NEXTVAL(domain_event_entry_seq)", Long.class);
            jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                            + " time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    indice, UUID.randomUUID().toString(), "obiettivo-prova", indice, "Obiettivo", "2026-11-29T12:00:00Z",
                    "it.comuni.peg.Prova", null, ("{\"n\":" + indice + "}").getBytes(), "{}".getBytes());
        }
    }
}
