package it.comuni.peg.guasti;

import tools.jackson.databind.JsonNode;
import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.support.Attesa;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.ObiettivoDiProva;
import it.comuni.peg.support.ProcessoFiglio;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every fault test checks once the fault is over, over HTTP as an operator would. */
final class Verifiche {

    private Verifiche() {
    }

    static int portaLibera() throws IOException {
        return ProcessoFiglio.portaLibera();
    }

    static List<String> definisciObiettivi(ClienteHttp http, int anno, int quanti) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < quanti; i++) {
            ids.add(ObiettivoDiProva.conUnaFase(http, anno));
        }
        return ids;
    }

    static boolean pronta(ClienteHttp http) {
        Risposta r = http.get(null, "/actuator/health/readiness");
        return r.stato() == 200 && r.json().get("status").asText().equals("UP");
    }

    /**
     * The verification of the chain of seals as the nucleo of the test ente asks for it: the chain is one
     * for the whole installation, verified whole whichever ente asks (the standard users act in every ente
     * the tests prepare, so the ente is named).
     */
    static final String VERIFICA = "/api/audit/verifica?ente=" + EntiDiProva.PROVA;

    /** Every projection's position has reached the head of the store, and every event is sealed. */
    static boolean proiezioniAllaTesta(ClienteHttp http) {
        Risposta r = http.get("amministratore", "/api/admin/proiezioni");
        if (r.stato() != 200) {
            return false;
        }
        for (JsonNode p : r.json()) {
            // a parked event is an event the projection does not show: never acceptable here
            assertThat(p.get("letterMorte").asLong()).as(p.toString()).isZero();
            if (p.get("inRicostruzione").asBoolean() || p.get("posizione").asLong() < p.get("testa").asLong()) {
                return false;
            }
        }
        // the processors must also run, without error, on this process
        Risposta processori = http.get("amministratore", "/api/admin/processori");
        if (processori.stato() != 200) {
            return false;
        }
        for (JsonNode p : processori.json()) {
            // ritardoEventi: the head minus the position, none for a streaming processor with no position yet,
            // 0 for a subscribing one (it handles each event as it is published)
            if (!p.get("running").asBoolean() || p.get("errore").asBoolean() || !p.hasNonNull("ritardoEventi")
                    || p.get("ritardoEventi").asLong() > 0) {
                return false;
            }
        }
        Risposta v = http.get("nucleo", VERIFICA);
        return v.stato() == 200 && v.json().get("eventiInAttesaDiSigillo").asLong() == 0;
    }

    /** Waits until {@link #proiezioniAllaTesta} holds, failing with the operator's view if it does not within {@code entro}. */
    static void attendiAllaTesta(ClienteHttp http, Duration entro) throws InterruptedException {
        boolean allaTesta = Attesa.entro(entro, () -> proiezioniAllaTesta(http));
        assertThat(allaTesta).as("proiezioni alla testa: %s", allaTesta ? "" : stato(http)).isTrue();
    }

    /**
     * The global index of an objective's event, committed or not: read uncommitted, so that a
     * transaction still open shows the index it took. Null: no such row, not even uncommitted.
     */
    static Long indiceNonConfermato(org.springframework.jdbc.core.JdbcTemplate jdbc, String aggregato, long sequenza) {
        return jdbc.execute((java.sql.Connection c) -> {
            // the pool puts the connection's isolation back when it is returned
            c.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED);
            try (var ps = c.prepareStatement("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " AND sequence_number = ?")) {
                ps.setString(1, aggregato);
                ps.setLong(2, sequenza);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        });
    }

    /** Waits (10 s at most) for the event to be inserted, committed or not, and returns its global index. */
    static long attendiIndice(org.springframework.jdbc.core.JdbcTemplate jdbc, String aggregato, long sequenza)
            throws InterruptedException {
        Long[] indice = new Long[1];
        assertThat(Attesa.entro(Duration.ofSeconds(10), () -> (indice[0] = indiceNonConfermato(jdbc, aggregato, sequenza)) != null))
                .as("evento %s/%d inserito", aggregato, sequenza).isTrue();
        return indice[0];
    }

    /** The processors and projections as the operator sees them: the message of a failed wait. */
    static String stato(ClienteHttp http) {
        return http.get("amministratore", "/api/admin/processori") + "\n" + http.get("amministratore", "/api/admin/proiezioni") + "\n"
                + http.get("nucleo", VERIFICA);
    }

    /** What the read side shows of each objective: its scheda and its storico. */
    static Map<String, JsonNode> letture(ClienteHttp http, List<String> obiettivi) {
        Map<String, JsonNode> letture = new LinkedHashMap<>();
        for (String id : obiettivi) {
            Risposta scheda = http.get("nucleo", "/api/obiettivi/" + id);
            assertThat(scheda.stato()).as(scheda.toString()).isEqualTo(200);
            letture.put(id + " scheda", scheda.json());
            Risposta storico = http.get("nucleo", "/api/obiettivi/" + id + "/storico");
            assertThat(storico.stato()).as(storico.toString()).isEqualTo(200);
            letture.put(id + " storico", storico.json());
        }
        return letture;
    }

    /**
     * Whether the rebuild comparisons run: on by default (another process on the same database makes
     * way for the rebuild and resumes after it, see DueProcessiDiLetturaTest).
     * -Dpeg.guasti.ricostruzione=false skips them.
     */
    static final boolean CONFRONTA_RICOSTRUZIONE = Boolean.parseBoolean(System.getProperty("peg.guasti.ricostruzione", "true"));

    /** Rebuilds every projection from the store and waits for the end of the rebuild. */
    static void ricostruisci(ClienteHttp http) throws InterruptedException {
        for (String proiezione : List.of("scheda", "storico")) {
            Risposta r = http.post("amministratore", "/api/admin/proiezioni/" + proiezione + "/ricostruzione", "");
            assertThat(r.stato()).as(r.toString()).isEqualTo(202);
        }
        attendiAllaTesta(http, Duration.ofSeconds(120));
    }

    /**
     * No event of the store skipped by a processor or by the sealer: every objective's storico has
     * one entry per event of its stream, and the chain of seals holds over exactly the events stored.
     * Call it once the projections are at the head ({@link #proiezioniAllaTesta}): an event committed
     * late behind a processor or the sealer never shows, however long one waits.
     */
    static void nessunEventoSaltato(ClienteHttp http, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        Map<String, Long> perObiettivo = new LinkedHashMap<>();
        jdbc.query("SELECT aggregate_identifier, COUNT(*) FROM domain_event_entry WHERE type = 'Obiettivo'"
                + " GROUP BY aggregate_identifier", (java.sql.ResultSet rs) -> {
                    perObiettivo.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(perObiettivo).as("obiettivi nell'archivio").isNotEmpty();
        perObiettivo.forEach((id, eventi) -> {
            Risposta storico = http.get("nucleo", "/api/obiettivi/" + id + "/storico");
            assertThat(storico.stato()).as(storico.toString()).isEqualTo(200);
            assertThat(storico.json().get("totale").asLong()).as("voci nello storico di %s, eventi nell'archivio %d", id, eventi)
                    .isEqualTo(eventi);
        });
        JsonNode catena = catenaIntegra(http);
        long eventi = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        assertThat(catena.get("eventiVerificati").asLong()).as("eventi sigillati").isEqualTo(eventi);
    }

    /** The chain of seals holds over every event. */
    static JsonNode catenaIntegra(ClienteHttp http) {
        Risposta v = http.get("nucleo", VERIFICA);
        assertThat(v.stato()).as(v.toString()).isEqualTo(200);
        assertThat(v.json().get("integra").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.json().get("eventiInAttesaDiSigillo").asLong()).as(v.toString()).isZero();
        return v.json();
    }
}
