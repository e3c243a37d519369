package it.comuni.peg.query.organigramma;

import it.comuni.peg.query.proiezione.InBlocco;
import it.comuni.peg.query.proiezione.Lotto;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.proiezione.Righe;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projection "organigramma": the {@code organigramma_*} tables (Flyway V27), one ente's rows folded
 * by {@link Pianta} from its Organigramma stream. Per batch, each ente it touches is read once, its
 * events folded in memory, and only the rows that changed are written, by primary key, before the
 * commit. Idempotent: the ente's row holds the sequence number of the last event applied, and an
 * event at or below it (seen again after a token was stolen) changes nothing; the writes are upserts.
 * Rebuilt with the other projections ({@link InBlocco}: the ente's whole stream folded at once).
 */
@Component
@ProcessingGroup(Proiezioni.ORGANIGRAMMA)
public class OrganigrammaProjection implements InBlocco {

    private final JdbcTemplate jdbc;

    public OrganigrammaProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(DomainEventMessage<?> evento) {
        if (Pianta.riguarda(evento.getPayload())) {
            Lotto.con(Proiezioni.ORGANIGRAMMA, evento, enti -> new EntiDelLotto(), lotto -> lotto.applica(evento));
        }
    }

    @Override
    public String gruppo() {
        return Proiezioni.ORGANIGRAMMA;
    }

    /** The whole stream of one aggregate, as a rebuild reads it: an organigramma's becomes its rows, any other none. */
    @Override
    public void ricostruisci(List<InBlocco.Evento> eventi, Righe righe) {
        Pianta pianta = new Pianta();
        boolean organigramma = false;
        for (InBlocco.Evento e : eventi) {
            if (Pianta.riguarda(e.messaggio().getPayload())) {
                pianta.applica(e.messaggio().getPayload(), e.messaggio().getSequenceNumber());
                organigramma = true;
            }
        }
        if (organigramma) {
            pianta.tutte().forEach(r -> righe.aggiungi(r.scrittura(), r.valori()));
        }
    }

    @ResetHandler
    void svuota() {
        for (String tabella : List.of("organigramma_incarico", "organigramma_persona", "organigramma_struttura",
                "organigramma_denominazione", "organigramma_ente")) {
            jdbc.update("DELETE FROM " + tabella);
        }
    }

    /** The organigramma of {@code ente} as its rows stand now in this transaction. */
    private Pianta leggi(String ente) {
        List<Pianta.EnteRiga> enti = jdbc.query("SELECT ente, nome, codice_istat, versione FROM organigramma_ente WHERE ente = ?",
                (rs, i) -> new Pianta.EnteRiga(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), ente);
        if (enti.isEmpty()) {
            return new Pianta();
        }
        List<Pianta.Riga> righe = new ArrayList<>();
        righe.addAll(jdbc.query("SELECT denominazione, ente FROM organigramma_denominazione WHERE ente = ?",
                (rs, i) -> new Pianta.DenominazioneRiga(rs.getString(1), rs.getString(2)), ente));
        righe.addAll(jdbc.query("SELECT ente, codice, nome, tipo, settore, dal, al FROM organigramma_struttura WHERE ente = ?",
                (rs, i) -> new Pianta.StrutturaRiga(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)), ente));
        righe.addAll(jdbc.query("SELECT ente, identificativo, nome FROM organigramma_persona WHERE ente = ?",
                (rs, i) -> new Pianta.PersonaRiga(rs.getString(1), rs.getString(2), rs.getString(3)), ente));
        righe.addAll(jdbc.query("SELECT ente, incarico, struttura, persona, tipo, dal, al, atto FROM organigramma_incarico WHERE ente = ?",
                (rs, i) -> new Pianta.IncaricoRiga(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8)), ente));
        return new Pianta(enti.get(0), righe);
    }

    /** The organigrammi of one batch, folded in memory until the commit. */
    private final class EntiDelLotto implements Lotto.Stato {

        private final Map<String, Pianta> lette = new HashMap<>();
        private final Map<String, Pianta> piante = new LinkedHashMap<>();

        void applica(DomainEventMessage<?> evento) {
            String ente = evento.getAggregateIdentifier();
            Pianta pianta = piante.computeIfAbsent(ente, e -> {
                Pianta letta = leggi(e);
                lette.put(e, letta);
                return letta.copia();
            });
            if (evento.getSequenceNumber() > pianta.versione()) {
                pianta.applica(evento.getPayload(), evento.getSequenceNumber());
            }
        }

        @Override
        public void scrivi() {
            Map<String, List<Object[]>> perIstruzione = new LinkedHashMap<>();
            piante.forEach((ente, pianta) -> pianta.cambiate(lette.get(ente))
                    .forEach(r -> perIstruzione.computeIfAbsent(r.scrittura(), k -> new ArrayList<>()).add(r.valori())));
            perIstruzione.forEach(jdbc::batchUpdate);
        }
    }
}
