package it.comuni.peg;

import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.Attesa;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every role: anonymous gets 401, a role that may not gets 403 and appends no
 * event, a role that may gets its answer. The dirigente is the objective's own (GENTILI LUCA),
 * dirigente2 leads another settore, the responsabile leads the objective's ufficio.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
@AutoConfigureMetrics
class MatriceAccessiTest {

    private static final List<String> RUOLI = List.of("anonimo", "controllo", "dirigente", "dirigente2", "responsabile", "nucleo", "ops");
    private static final Set<String> LETTORI = Set.of("controllo", "dirigente", "dirigente2", "responsabile", "nucleo");
    private static final Set<String> AVANZAMENTO = Set.of("dirigente", "responsabile");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicInteger progressivo = new AtomicInteger();

    /** One endpoint: how to call it as a given role, and which roles may. */
    private record Voce(String nome, String metodo, Function<String, String> percorso, Function<String, String> corpo,
                        Set<String> ammessi) {
    }

    @Test
    void everyEndpointForEveryRole() throws InterruptedException {
        ClienteHttp http = new ClienteHttp(porta);
        int anno = YearMonth.now(ZoneId.of("Europe/Rome")).getYear();
        String ente = "Comune di Prova";
        String id = http.post("controllo", "/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(anno)).json().get("id").asText();
        for (int fase = 1; fase <= 6; fase++) {
            assertThat(http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":" + fase + ",\"titolo\":\"Fase " + fase
                    + "\",\"inizio\":\"" + anno + "-01-01\",\"fine\":\"" + anno + "-12-31\"}").stato()).isEqualTo(200);
        }
        http.post("controllo", "/api/obiettivi/" + id + "/persone", "{\"nome\":\"ROSSI MARIO\",\"inizio\":\"" + anno
                + "-01-01\",\"fine\":\"" + anno + "-12-31\"}");
        http.post("controllo", "/api/obiettivi/" + id + "/indicatori", "{\"codice\":\"GG\",\"nome\":\"Giorni\",\"valoreAtteso\":30,"
                + "\"direzione\":\"DECRESCENTE\",\"peso\":50}");
        http.post("dirigente", "/api/obiettivi/" + id + "/fasi/2/consuntivi", "{\"mese\":\"" + mese(0) + "\",\"svolta\":true,\"percentuale\":10}");
        proiettato(http, id);
        String oggi = LocalDate.now(ZoneId.of("Europe/Rome")).toString();
        String ieri = LocalDate.now(ZoneId.of("Europe/Rome")).minusDays(1).toString();
        String enteQ = URLEncoder.encode(ente, StandardCharsets.UTF_8);
        String base = "/api/obiettivi/" + id;

        List<Voce> voci = List.of(
                lettura("elenco PEG", "/api/obiettivi?ente=" + enteQ + "&anno=" + anno, LETTORI),
                lettura("scheda", base, LETTORI),
                lettura("scheda as-of", base + "?asOf=" + oggi, LETTORI),
                lettura("storico", base + "/storico", LETTORI),
                lettura("differenze", base + "/differenze?da=2020-01-01&a=" + oggi, LETTORI),
                lettura("valutazione obiettivo", base + "/valutazione?al=" + oggi, LETTORI),
                lettura("valutazione PEG", "/api/peg/" + anno + "/valutazione?ente=" + enteQ + "&al=" + oggi, LETTORI),
                lettura("storico PEG", "/api/peg/" + anno + "/storico?ente=" + enteQ, LETTORI),
                lettura("differenze PEG", "/api/peg/" + anno + "/differenze?ente=" + enteQ + "&da=2020-01-01&a=" + oggi, LETTORI),
                lettura("valutazione persona", "/api/persone/valutazione?nome=ROSSI%20MARIO&anno=" + anno, LETTORI),
                lettura("modello CSV", "/api/peg/csv/modello", LETTORI),
                lettura("PEG in CSV", "/api/peg/" + anno + "/csv?ente=" + enteQ, LETTORI),
                lettura("valutazione CSV", "/api/peg/" + anno + "/valutazione.csv?ente=" + enteQ, LETTORI),
                lettura("valutazione settori CSV", "/api/peg/" + anno + "/valutazione/settori.csv?ente=" + enteQ, LETTORI),
                lettura("valutazione persone CSV", "/api/peg/" + anno + "/valutazione/persone.csv?ente=" + enteQ, LETTORI),
                lettura("verifica audit", "/api/audit/verifica", Set.of("nucleo", "controllo")),
                lettura("processori", "/api/admin/processori", Set.of("controllo")),
                lettura("proiezioni", "/api/admin/proiezioni", Set.of("controllo")),
                lettura("metriche", "/actuator/prometheus", Set.of("ops")),
                scrittura("definisci obiettivo", r -> "/api/obiettivi", r -> ComandiHttpTest.OBIETTIVO.formatted(anno), Set.of("controllo")),
                scrittura("modifica obiettivo", r -> base + "/modifiche", r -> "{\"descrizione\":\"v" + progressivo.incrementAndGet()
                        + "\",\"pesoIndicatori\":50,\"pesoFasi\":50,\"motivazione\":\"Delibera\"}", Set.of("controllo")),
                scrittura("assegna persona", r -> base + "/persone", r -> "{\"nome\":\"PERSONA " + progressivo.incrementAndGet()
                        + "\",\"inizio\":\"" + anno + "-01-01\",\"fine\":\"" + anno + "-12-31\"}", Set.of("controllo")),
                scrittura("termina assegnazione", r -> base + "/persone/termine", r -> "{\"nome\":\"ROSSI MARIO\",\"fine\":\""
                        + anno + "-06-30\"}", Set.of("controllo")),
                scrittura("pianifica fase", r -> base + "/fasi", r -> "{\"numero\":" + (100 + progressivo.incrementAndGet())
                        + ",\"titolo\":\"Nuova\"}", Set.of("controllo")),
                scrittura("definisci indicatore", r -> base + "/indicatori", r -> "{\"codice\":\"I" + progressivo.incrementAndGet()
                        + "\",\"nome\":\"N\",\"valoreAtteso\":1,\"direzione\":\"CRESCENTE\",\"peso\":1}", Set.of("controllo")),
                scrittura("registra consuntivo", r -> base + "/fasi/1/consuntivi", r -> "{\"mese\":\""
                        + mese(r.equals("dirigente") ? 1 : 0) + "\",\"svolta\":true,\"percentuale\":" + (r.equals("dirigente") ? 10 : 20) + "}",
                        AVANZAMENTO),
                scrittura("rettifica consuntivo", r -> base + "/fasi/2/rettifiche", r -> "{\"mese\":\"" + mese(0)
                        + "\",\"svolta\":true,\"percentuale\":" + (11 + progressivo.incrementAndGet()) + ",\"motivazione\":\"Errore\"}", AVANZAMENTO),
                scrittura("rimodula fase", r -> base + "/fasi/3/rimodulazioni", r -> "{\"inizio\":\"" + anno + "-01-01\",\"fine\":\""
                        + anno + "-11-" + (10 + progressivo.incrementAndGet() % 15) + "\",\"motivazione\":\"Ritardo\"}", AVANZAMENTO),
                scrittura("completa fase", r -> base + "/fasi/" + (r.equals("dirigente") ? 4 : 5) + "/completamento",
                        r -> "{\"data\":\"" + oggi + "\"}", AVANZAMENTO),
                scrittura("registra valore", r -> base + "/indicatori/GG/valori", r -> "{\"valore\":" + progressivo.incrementAndGet()
                        + ",\"dataRiferimento\":\"" + oggi + "\"}", AVANZAMENTO),
                scrittura("metodo di valutazione", r -> "/api/valutazione/metodo", r -> "{\"ente\":\"" + ente + "\",\"anno\":" + anno
                        + ",\"parametri\":{\"penalitaMeseRitardo\":" + (10 + progressivo.incrementAndGet())
                        + ",\"fattoreNonCompletata\":0.5,\"tolleranzaGiorni\":0},\"motivazione\":\"SMVP\"}", Set.of("nucleo", "controllo")),
                scrittura("chiudi monitoraggio", r -> "/api/valutazione/monitoraggi", r -> "{\"ente\":\"" + ente + "\",\"anno\":" + anno
                        + ",\"data\":\"" + oggi + "\"}", Set.of("nucleo")),
                scrittura("registra valutazione", r -> "/api/valutazione/valutazioni", r -> "{\"ente\":\"" + ente + "\",\"anno\":" + anno
                        + ",\"obiettivoId\":\"" + id + "\",\"al\":\"" + ieri + "\",\"motivazione\":\"Raggiunto\"}", Set.of("nucleo")),
                scrittura("avvia processore", r -> "/api/admin/processori/scheda/start", r -> "{}", Set.of("controllo")));

        List<String> tabella = new ArrayList<>();
        tabella.add(String.format("%-24s %s", "endpoint", String.join(" ", RUOLI.stream().map(r -> String.format("%-12s", r)).toList())));
        for (Voce voce : voci) {
            StringBuilder riga = new StringBuilder(String.format("%-24s", voce.nome()));
            // the roles that may not go first: a refusal must leave the state as it was
            List<String> ordine = new ArrayList<>(RUOLI.stream().filter(r -> !voce.ammessi().contains(r)).toList());
            ordine.addAll(RUOLI.stream().filter(voce.ammessi()::contains).toList());
            Map<String, Integer> stati = new java.util.HashMap<>();
            for (String ruolo : ordine) {
                long eventiPrima = eventi();
                Risposta r = chiama(http, voce, ruolo);
                stati.put(ruolo, r.stato());
                String contesto = voce.nome() + " come " + ruolo + ": " + r;
                if (ruolo.equals("anonimo")) {
                    assertThat(r.stato()).as(contesto).isEqualTo(401);
                } else if (voce.ammessi().contains(ruolo)) {
                    assertThat(r.stato()).as(contesto).isBetween(200, 299);
                } else {
                    assertThat(r.stato()).as(contesto).isEqualTo(403);
                    assertThat(r.intestazione("Content-Type")).as(contesto).startsWith("application/problem+json");
                }
                if (r.stato() >= 400) {
                    assertThat(eventi()).as("un rifiuto non aggiunge eventi: " + contesto).isEqualTo(eventiPrima);
                }
            }
            RUOLI.forEach(ruolo -> riga.append(' ').append(String.format("%-12s", stati.get(ruolo))));
            tabella.add(riga.toString());
        }
        System.out.println("Matrice degli accessi (stato HTTP per ruolo):\n" + String.join("\n", tabella));
        assertThat(http.get(null, "/actuator/health").stato()).isEqualTo(200);
    }

    @Test
    void repeatedLoginFailuresAreThrottled() {
        ClienteHttp http = new ClienteHttp(porta);
        String sbagliata = "Basic " + java.util.Base64.getEncoder().encodeToString("intruso:tentativo".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            assertThat(http.get(null, "/api/audit/verifica", Map.of("Authorization", sbagliata)).stato()).isEqualTo(401);
        }
        Risposta bloccato = http.get(null, "/api/audit/verifica", Map.of("Authorization", sbagliata));
        assertThat(bloccato.stato()).isEqualTo(429);
        assertThat(Integer.parseInt(bloccato.intestazione("Retry-After"))).isPositive();
        assertThat(bloccato.intestazione("Content-Type")).startsWith("application/problem+json");
        // the others are not affected
        assertThat(http.get("nucleo", "/api/audit/verifica").stato()).isEqualTo(200);
    }

    private Voce lettura(String nome, String percorso, Set<String> ammessi) {
        return new Voce(nome, "GET", r -> percorso, r -> null, ammessi);
    }

    private Voce scrittura(String nome, Function<String, String> percorso, Function<String, String> corpo, Set<String> ammessi) {
        return new Voce(nome, "POST", percorso, corpo, ammessi);
    }

    private Risposta chiama(ClienteHttp http, Voce voce, String ruolo) {
        String utente = ruolo.equals("anonimo") ? null : ruolo;
        return voce.metodo().equals("GET") ? http.get(utente, voce.percorso().apply(ruolo))
                : http.post(utente, voce.percorso().apply(ruolo), voce.corpo().apply(ruolo));
    }

    /**
     * The read side is asynchronous, and right after start-up its processors may not have claimed
     * their segments yet: wait until the scheda and the storico hold every event of the objective, so
     * that what the matrix reads is decided by the role alone.
     */
    private void proiettato(ClienteHttp http, String id) throws InterruptedException {
        long eventiObiettivo = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id);
        assertThat(Attesa.entro(Duration.ofSeconds(60), () -> {
            Risposta scheda = http.get("controllo", "/api/obiettivi/" + id);
            return scheda.stato() == 200 && scheda.json().get("versione").asLong() + 1 == eventiObiettivo
                    && http.get("controllo", "/api/obiettivi/" + id + "/storico").stato() == 200;
        })).as("le proiezioni raggiungano l'obiettivo " + id).isTrue();
    }

    private long eventi() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private static String mese(int indietro) {
        return YearMonth.now(ZoneId.of("Europe/Rome")).minusMonths(indietro).toString();
    }
}
