package it.comuni.peg.platform.audit;

import it.comuni.peg.platform.audit.EsitoVerifica.Anomalia;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.util.List;

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

    public EsitoVerifica verifica() {
        List<Long> orfani = jdbc.queryForList("SELECT s.global_index FROM sigillo_evento s LEFT JOIN domain_event_entry e"
                + " ON e.global_index = s.global_index WHERE e.global_index IS NULL ORDER BY s.global_index LIMIT 1", Long.class);
        Long ultimoSigillato = jdbc.queryForObject("SELECT MAX(global_index) FROM sigillo_evento", Long.class);
        Percorso percorso = new Percorso(ultimoSigillato == null ? -1 : ultimoSigillato);
        jdbc.query(connessione -> {
            var statement = connessione.prepareStatement("SELECT " + prefissate() + ", s.hash AS sigillo FROM domain_event_entry e"
                    + " LEFT JOIN sigillo_evento s ON s.global_index = e.global_index ORDER BY e.global_index");
            statement.setFetchSize(1000);
            return statement;
        }, percorso::passo);
        Anomalia anomalia = percorso.anomalia;
        if (!orfani.isEmpty() && (anomalia == null || orfani.get(0) < anomalia.globalIndex())) {
            anomalia = new Anomalia("MANCANTE", orfani.get(0), null, null, null,
                    "L'evento sigillato con indice " + orfani.get(0) + " non è più nell'archivio: è stato cancellato");
        }
        return new EsitoVerifica(anomalia == null, percorso.verificati, percorso.inAttesa,
                percorso.indiceDiTesta, percorso.hashDiTesta, anomalia);
    }

    private static String prefissate() {
        return "e." + EventoMemorizzato.COLONNE.replace(", ", ", e.");
    }

    /** The walk along the events in global-index order, carrying the recomputed hash. */
    private static final class Percorso {

        private final long ultimoSigillato;
        private String hash = EventoMemorizzato.GENESI;
        private long verificati;
        private long inAttesa;
        private Long indiceDiTesta;
        private String hashDiTesta;
        private Anomalia anomalia;

        Percorso(long ultimoSigillato) {
            this.ultimoSigillato = ultimoSigillato;
        }

        void passo(ResultSet rs) throws java.sql.SQLException {
            if (anomalia != null) {
                return;
            }
            EventoMemorizzato evento = EventoMemorizzato.da(rs);
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
            String atteso = evento.hash(hash);
            if (!atteso.equals(sigillo)) {
                anomalia = anomalia("ALTERATO", evento, "L'evento non corrisponde al suo sigillo: contenuto, data o metadati"
                        + " sono stati modificati, oppure manca l'evento che lo precedeva");
                return;
            }
            hash = atteso;
            verificati++;
            indiceDiTesta = evento.globalIndex();
            hashDiTesta = atteso;
        }

        private static Anomalia anomalia(String tipo, EventoMemorizzato e, String messaggio) {
            return new Anomalia(tipo, e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(), messaggio);
        }
    }
}
