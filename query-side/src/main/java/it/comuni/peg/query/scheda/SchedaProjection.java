package it.comuni.peg.query.scheda;

import it.comuni.peg.api.persona.AssegnazioneTerminata;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.platform.memoria.MappaMorbida;
import it.comuni.peg.query.proiezione.InBlocco;
import it.comuni.peg.query.proiezione.Lotto;
import it.comuni.peg.query.proiezione.Righe;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projection "scheda": one row per objective, the scheda folded by {@link SchedaReducer}.
 * Idempotent: the row holds the sequence number of the last event applied, and an event at or
 * below it (seen again after a token was stolen, or redelivered) changes nothing.
 * <p>
 * Per batch of events (one transaction), the rows of every objective in the batch are read with one
 * query, each JSON document is parsed once, the events are folded in memory, and each changed row is
 * serialized and written once before the commit: the document of an objective with hundreds of
 * events is no longer rewritten per event.
 */
@Component
@ProcessingGroup(SchedaProjection.GRUPPO)
public class SchedaProjection implements InBlocco {

    public static final String GRUPPO = "scheda";
    private static final int RIGHE_PER_QUERY = 1000;

    private final EntityManager em;
    private final SchedaJson json;
    /**
     * The schede this process last wrote, by objective: the next batch on an objective whose row
     * is still at that version skips parsing its JSON (most of a live event's cost). Compared by
     * version, so a row written elsewhere, or not committed, is parsed as before.
     */
    private final MappaMorbida<String, Scheda> scritte = new MappaMorbida<>();

    public SchedaProjection(EntityManager em, SchedaJson json) {
        this.em = em;
        this.json = json;
    }

    @EventHandler
    public void on(DomainEventMessage<?> evento) {
        Object payload = evento.getPayload();
        if (!SchedaReducer.riguarda(payload)) {
            return;
        }
        Lotto.con(GRUPPO, evento, SchedeDelLotto::new, lotto -> lotto.applica(evento));
    }

    /** The whole stream of one objective, as a rebuild reads it: folded once, written once. */
    @Override
    public void ricostruisci(List<InBlocco.Evento> eventi, Righe righe) {
        Scheda scheda = null;
        String id = null;
        for (InBlocco.Evento e : eventi) {
            DomainEventMessage<?> evento = e.messaggio();
            if (SchedaReducer.riguarda(evento.getPayload())) {
                scheda = SchedaReducer.applica(scheda, evento.getPayload(), evento.getSequenceNumber(), evento.getTimestamp());
                id = evento.getAggregateIdentifier();
            }
        }
        if (scheda == null) {
            return;
        }
        SchedaRiga riga = new SchedaRiga(id);
        riga.aggiorna(scheda, json.scrivi(scheda));
        righe.aggiungi(SchedaRiga.INSERISCI, riga.colonne());
        for (AssegnazioneRiga a : assegnazioni(scheda)) {
            righe.aggiungi(AssegnazioneRiga.INSERISCI, a.colonne());
        }
    }

    @Override
    public String gruppo() {
        return GRUPPO;
    }

    /** One row per period of assignment of each person of the scheda. */
    private static List<AssegnazioneRiga> assegnazioni(Scheda s) {
        List<AssegnazioneRiga> righe = new ArrayList<>();
        for (Scheda.Persona p : s.persone()) {
            for (Scheda.PeriodoAssegnazione periodo : p.periodi()) {
                righe.add(new AssegnazioneRiga(s.id(), p.nome(), p.persona(), periodo.inizio(), s.ente(), s.anno(), periodo.fine()));
            }
        }
        return righe;
    }

    /** The row's scheda: the one this process last wrote if the row is still at its version, else parsed. */
    private Scheda giaLetta(SchedaRiga riga) {
        Scheda nota = scritte.get(riga.obiettivoId());
        return nota != null && nota.versione() == riga.versione() ? nota : json.leggi(riga.documento());
    }

    @ResetHandler
    void svuota() {
        scritte.clear();
        em.createQuery("delete from AssegnazioneRiga").executeUpdate();
        em.createQuery("delete from SchedaRiga").executeUpdate();
    }

    /** The schede of the objectives of one batch, folded in memory until the commit. */
    private final class SchedeDelLotto implements Lotto.Stato {

        private final Map<String, SchedaRiga> righe = new HashMap<>();
        private final Map<String, Scheda> schede = new HashMap<>();
        private final Map<String, SchedaRiga> cambiate = new LinkedHashMap<>();
        private final Set<String> nuove = new LinkedHashSet<>();
        private final Set<String> assegnazioniCambiate = new LinkedHashSet<>();

        SchedeDelLotto(Set<String> obiettivi) {
            List<String> id = new ArrayList<>(obiettivi);
            for (int i = 0; i < id.size(); i += RIGHE_PER_QUERY) {
                em.createQuery("select r from SchedaRiga r where r.obiettivoId in :id", SchedaRiga.class)
                        .setParameter("id", id.subList(i, Math.min(id.size(), i + RIGHE_PER_QUERY)))
                        .getResultList()
                        .forEach(r -> righe.put(r.obiettivoId(), r));
            }
        }

        void applica(DomainEventMessage<?> evento) {
            String id = evento.getAggregateIdentifier();
            SchedaRiga riga = righe.get(id);
            Scheda prima = schede.get(id);
            if (prima == null && riga != null) {
                prima = giaLetta(riga);
            }
            if (prima != null && evento.getSequenceNumber() <= prima.versione()) {
                return;
            }
            Scheda dopo = SchedaReducer.applica(prima, evento.getPayload(), evento.getSequenceNumber(), evento.getTimestamp());
            schede.put(id, dopo);
            if (riga == null) {
                riga = new SchedaRiga(id);
                righe.put(id, riga);
                nuove.add(id);
            }
            cambiate.put(id, riga);
            Object payload = evento.getPayload();
            if (payload instanceof PersonaAssegnata || payload instanceof AssegnazioneTerminata) {
                assegnazioniCambiate.add(id);
            }
        }

        @Override
        public void scrivi() {
            for (Map.Entry<String, SchedaRiga> e : cambiate.entrySet()) {
                Scheda s = schede.get(e.getKey());
                e.getValue().aggiorna(s, json.scrivi(s));
                scritte.put(e.getKey(), s);
                if (nuove.contains(e.getKey())) {
                    em.persist(e.getValue());
                }
            }
            if (!assegnazioniCambiate.isEmpty()) {
                aggiornaAssegnazioni();
            }
        }

        /**
         * Brings the assignment rows of the objectives whose people changed in line with their
         * schede, row by primary key: idempotent by construction. Never "delete where obiettivo_id = ?"
         * and insert again: that range delete takes InnoDB next-key locks on the gap after the
         * objective's rows, and two segments inserting the assignments of neighbouring objectives into
         * each other's gap deadlock (seen importing the print under load: the batch was rolled back
         * and the event wrongly parked as poison).
         */
        private void aggiornaAssegnazioni() {
            Map<AssegnazioneRiga.Chiave, AssegnazioneRiga> esistenti = new HashMap<>();
            em.createQuery("select a from AssegnazioneRiga a where a.obiettivoId in :id", AssegnazioneRiga.class)
                    .setParameter("id", assegnazioniCambiate).getResultList()
                    .forEach(a -> esistenti.put(a.chiave(), a));
            for (String id : assegnazioniCambiate) {
                for (AssegnazioneRiga nuova : assegnazioni(schede.get(id))) {
                    AssegnazioneRiga riga = esistenti.remove(nuova.chiave());
                    if (riga == null) {
                        em.persist(nuova);
                    } else {
                        riga.termina(nuova.fine());
                    }
                }
            }
            esistenti.values().forEach(em::remove);
        }
    }
}
