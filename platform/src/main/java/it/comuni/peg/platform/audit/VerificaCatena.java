package it.comuni.peg.platform.audit;

import it.comuni.peg.platform.audit.EsitoVerifica.Anomalia;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Set;

/**
 * Recomputes the chain from the stored events and reports the first one that does not match:
 * a changed byte of payload, timestamp or metadata (ALTERATO), a deleted event (MANCANTE), an
 * event slipped in among sealed ones (INSERITO).
 */
@Component
public class VerificaCatena {

    private final JdbcTemplate jdbc;

    public VerificaCatena(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole chain recomputed from the rows and compared with the seals: intact, or its first anomaly. */
    public EsitoVerifica verifica() {
        return verifica(Set.of()).esito();
    }

    /**
     * The same walk, also noting the hash the chain recomputed from the rows as stored reaches at each
     * of {@code indici} (whatever the seals say, and on past the first anomaly): what a receipt at that
     * index must still match. An index with no row is absent from the map.
     */
    Ricalcolo verifica(Set<Long> indici) {
        return verifica(indici, new TreeMap<>());
    }

    /**
     * The same, also comparing the chain recomputed from the rows with {@code riferimento}, the
     * per-event hashes of the exported checkpoints: the first event that differs, is missing or was
     * not there is {@link Ricalcolo#discordanza()}.
     */
    Ricalcolo verifica(Set<Long> indici, NavigableMap<Long, EsportazioneCheckpoint.EventoEsportato> riferimento) {
        List<Long> orfani = jdbc.queryForList("SELECT s.global_index FROM sigillo_evento s LEFT JOIN domain_event_entry e"
                + " ON e.global_index = s.global_index WHERE e.global_index IS NULL ORDER BY s.global_index LIMIT 1", Long.class);
        Long ultimoSigillato = jdbc.queryForObject("SELECT MAX(global_index) FROM sigillo_evento", Long.class);
        Percorso percorso = new Percorso(ultimoSigillato == null ? -1 : ultimoSigillato, indici, riferimento);
        jdbc.query(connessione -> {
            var statement = connessione.prepareStatement("SELECT " + prefissate() + ", s.hash AS sigillo FROM domain_event_entry e"
                    + " LEFT JOIN sigillo_evento s ON s.global_index = e.global_index ORDER BY e.global_index");
            statement.setFetchSize(1000);
            return statement;
        }, percorso::passo);
        Anomalia anomalia = percorso.anomalia;
        if (!orfani.isEmpty() && (anomalia == null || orfani.get(0) < anomalia.globalIndex())) {
            anomalia = new Anomalia("MANCANTE", orfani.get(0), null, null, null,
                    "L'evento sigillato con indice " + orfani.get(0) + " non è più nell'archivio: è stato cancellato", null);
        }
        percorso.fine();
        return new Ricalcolo(new EsitoVerifica(anomalia == null, percorso.verificati, percorso.inAttesa,
                percorso.indiceDiTesta, percorso.hashDiTesta, anomalia), percorso.ricalcolati, percorso.discordanza);
    }

    /**
     * The chain's verification, the hashes recomputed from the rows at the indexes asked for, and the
     * first event where the rows part from the exported checkpoints (null when they agree).
     */
    record Ricalcolo(EsitoVerifica esito, Map<Long, String> hashRicalcolati, Anomalia discordanza) {
    }

    private static String prefissate() {
        return "e." + EventoMemorizzato.COLONNE.replace(", ", ", e.");
    }

    /** The walk along the events in global-index order, carrying the recomputed hash. */
    private static final class Percorso {

        private final long ultimoSigillato;
        private final Set<Long> indici;
        private final Map<Long, String> ricalcolati = new HashMap<>();
        private final NavigableMap<Long, EsportazioneCheckpoint.EventoEsportato> riferimento;
        private long ultimaRiga;
        private Anomalia discordanza;
        // the chain of the rows alone, every row in index order: what a receipt's hash was computed as
        private String ricalcolato = EventoMemorizzato.GENESI;
        private long verificati;
        private long inAttesa;
        private Long indiceDiTesta;
        private String hashDiTesta;
        private Anomalia anomalia;

        Percorso(long ultimoSigillato, Set<Long> indici, NavigableMap<Long, EsportazioneCheckpoint.EventoEsportato> riferimento) {
            this.ultimoSigillato = ultimoSigillato;
            this.indici = indici;
            this.riferimento = riferimento;
        }

        /** Compares the row just recomputed with the exported hashes; the first difference is kept. */
        private void confronta(EventoMemorizzato evento) {
            if (discordanza != null || riferimento.isEmpty()) {
                return;
            }
            Long saltato = riferimento.higherKey(ultimaRiga);
            ultimaRiga = evento.globalIndex();
            if (saltato != null && saltato < evento.globalIndex()) {
                discordanza = mancante(riferimento.get(saltato));
            } else if (evento.globalIndex() <= riferimento.lastKey()) {
                var esportato = riferimento.get(evento.globalIndex());
                if (esportato == null) {
                    discordanza = anomalia("INSERITO", evento, "L'evento non era nell'archivio quando fu firmato il checkpoint che"
                            + " copre il suo indice: è stato inserito dopo");
                } else if (!esportato.hash().equals(ricalcolato)) {
                    discordanza = anomalia("ALTERATO", evento, "L'evento non porta più all'hash registrato nel checkpoint esportato:"
                            + " il suo contenuto, la sua data o i suoi metadati sono stati modificati");
                }
            }
        }

        /** After the last row: an exported event beyond it was removed (or an older backup restored). */
        void fine() {
            if (discordanza == null && !riferimento.isEmpty() && riferimento.higherKey(ultimaRiga) != null) {
                discordanza = mancante(riferimento.get(riferimento.higherKey(ultimaRiga)));
            }
        }

        private static Anomalia mancante(EsportazioneCheckpoint.EventoEsportato e) {
            return new Anomalia("MANCANTE", e.indice(), null, e.aggregato(), e.sequenza(), "L'evento registrato nel checkpoint"
                    + " esportato non è più nell'archivio: è stato cancellato, o è stata ripristinata una copia anteriore", e.tipo());
        }

        void passo(ResultSet rs) throws java.sql.SQLException {
            if (anomalia != null && indici.isEmpty()) {
                return;
            }
            EventoMemorizzato evento = EventoMemorizzato.da(rs);
            ricalcolato = evento.hash(ricalcolato);
            if (indici.contains(evento.globalIndex())) {
                ricalcolati.put(evento.globalIndex(), ricalcolato);
            }
            confronta(evento);
            if (anomalia != null) {
                return;
            }
            String sigillo = rs.getString("sigillo");
            if (sigillo == null) {
                if (evento.globalIndex() < ultimoSigillato) {
                    anomalia = anomalia("INSERITO", evento, "L'evento non ha sigillo ma ne seguono di sigillati: è stato inserito"
                            + " direttamente nell'archivio");
                } else {
                    inAttesa++;
                }
                return;
            }
            // equal to ricalcolato until the first anomaly: only sealed rows with no anomaly before them get here
            String atteso = ricalcolato;
            if (!atteso.equals(sigillo)) {
                anomalia = anomalia("ALTERATO", evento, "L'evento non corrisponde al suo sigillo: contenuto, data o metadati"
                        + " sono stati modificati, oppure manca l'evento che lo precedeva");
                return;
            }
            verificati++;
            indiceDiTesta = evento.globalIndex();
            hashDiTesta = atteso;
        }

        private static Anomalia anomalia(String tipo, EventoMemorizzato e, String messaggio) {
            return new Anomalia(tipo, e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(), messaggio,
                    e.payloadType());
        }
    }
}
