package it.comuni.peg.guasti;

import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp;
import it.comuni.peg.PegApplication;
import it.comuni.peg.guasti.Carico.Invio;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process killed mid-command (SIGKILL, no shutdown hook, no graceful anything) while a load
 * runs, then started again: every acknowledged command is in the store exactly once, no event is
 * half-written (every stream loads, every row is sealed into an intact chain) and the projections,
 * resumed from their tokens, equal a fresh rebuild. The application runs in a child JVM, so the
 * kill is a real one.
 */
class ArrestoBruscoTest {

    @Test
    void killMinus9UnderLoadLosesNoAcknowledgedCommandAndLeavesNothingHalfWritten() throws Exception {
        String url = MariaDbDiTest.nuovoDatabase();
        int porta = Verifiche.portaLibera();
        Path log = Path.of("target", "arresto-brusco.log").toAbsolutePath();
        ClienteHttp http = new ClienteHttp(porta);
        int anno = YearMonth.now().getYear();

        Process primo = ProcessoFiglio.avvia(PegApplication.class, url, porta, log);
        Process secondo = null;
        try {
            assertThat(Attesa.entro(Duration.ofSeconds(180), () -> Verifiche.pronta(http))).as("avviata").isTrue();
            List<String> obiettivi = Verifiche.definisciObiettivi(http, anno, 4);
            Carico carico = new Carico(() -> porta, obiettivi, anno, "kill");
            carico.avvia(3);
            assertThat(Attesa.entro(Duration.ofSeconds(60), () -> carico.invii().stream().filter(Invio::accettato).count() >= 15))
                    .as("il carico viene accettato").isTrue();
            primo.destroyForcibly();
            assertThat(primo.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(primo.exitValue()).as("ucciso con SIGKILL").isEqualTo(137);
            carico.ferma();
            List<Invio> invii = carico.invii();
            List<Invio> accettati = invii.stream().filter(Invio::accettato).toList();

            secondo = ProcessoFiglio.avvia(PegApplication.class, url, porta, log);
            assertThat(Attesa.entro(Duration.ofSeconds(180), () -> Verifiche.pronta(http))).as("riavviata").isTrue();

            // every acknowledged command is there, once; nothing is there twice
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, MariaDbDiTest.utente(), MariaDbDiTest.password()));
            Map<String, Integer> nelloStore = Carico.chiaviNelloStore(
                    jdbc.queryForList("SELECT meta_data FROM domain_event_entry", byte[].class));
            assertThat(accettati).allSatisfy(i -> assertThat(nelloStore.get(i.chiave())).as(i.chiave()).isEqualTo(1));
            assertThat(nelloStore.values()).allMatch(n -> n == 1);
            // the commands cut off by the kill: each either fully there or fully absent, and a retry settles it once
            for (Invio i : invii.stream().filter(i -> !i.accettato()).toList()) {
                Invio riprova = carico.invia(i.chiave(), i.percorso(), i.corpo());
                assertThat(riprova.stato()).as(riprova.toString()).isEqualTo(200);
            }
            Map<String, Integer> dopo = Carico.chiaviNelloStore(jdbc.queryForList("SELECT meta_data FROM domain_event_entry", byte[].class));
            assertThat(dopo.values()).allMatch(n -> n == 1);
            assertThat(dopo.keySet()).containsAll(invii.stream().map(Invio::chiave).toList());

            // nothing half-written: every stream loads (a command on each is accepted), every row seals into an intact chain
            for (String id : obiettivi) {
                Invio ancora = carico.invia("dopo-" + id, "/api/obiettivi/" + id + "/persone",
                        "{\"nome\":\"ULTIMA " + id + "\",\"inizio\":\"" + anno + "-01-01\",\"fine\":\"" + anno + "-12-31\"}");
                assertThat(ancora.stato()).as(ancora.toString()).isEqualTo(200);
            }
            assertThat(Attesa.entro(Duration.ofSeconds(120), () -> Verifiche.proiezioniAllaTesta(http))).as("proiezioni alla testa: %s", new Object() { public String toString() { return Verifiche.stato(http); } }).isTrue();
            Verifiche.catenaIntegra(http);
            Map<String, JsonNode> prima = Verifiche.letture(http, obiettivi);
            if (Verifiche.CONFRONTA_RICOSTRUZIONE) {
                Verifiche.ricostruisci(http);
                assertThat(Verifiche.letture(http, obiettivi)).isEqualTo(prima);
            }
            System.out.printf("ARRESTO BRUSCO: %d comandi, %d confermati prima del kill -9, %d interrotti (riprovati), eventi persi 0, doppi 0%n",
                    invii.size(), accettati.size(), invii.size() - accettati.size());
        } finally {
            primo.destroyForcibly();
            ProcessoFiglio.termina(secondo);
        }
    }
}
