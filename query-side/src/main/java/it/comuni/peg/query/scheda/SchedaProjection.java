package it.comuni.peg.query.scheda;

import it.comuni.peg.api.persona.AssegnazioneTerminata;
import it.comuni.peg.api.persona.PersonaAssegnata;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Projection "scheda": one row per objective, the scheda folded by {@link SchedaReducer}.
 * Idempotent: the row holds the sequence number of the last event applied, and an event at or
 * below it (seen again after a token was stolen, or redelivered) changes nothing.
 */
@Component
@ProcessingGroup(SchedaProjection.GRUPPO)
public class SchedaProjection {

    public static final String GRUPPO = "scheda";

    private final EntityManager em;
    private final SchedaJson json;

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
        String id = evento.getAggregateIdentifier();
        SchedaRiga riga = em.find(SchedaRiga.class, id);
        if (riga != null && evento.getSequenceNumber() <= riga.versione()) {
            return;
        }
        Scheda prima = riga == null ? null
                : riga.schedaInMemoria() != null ? riga.schedaInMemoria() : json.leggi(riga.documento());
        Scheda dopo = SchedaReducer.applica(prima, payload, evento.getSequenceNumber(), evento.getTimestamp());
        if (riga == null) {
            riga = new SchedaRiga(id);
            riga.aggiorna(dopo, json.scrivi(dopo));
            em.persist(riga);
        } else {
            riga.aggiorna(dopo, json.scrivi(dopo));
        }
        if (payload instanceof PersonaAssegnata || payload instanceof AssegnazioneTerminata) {
            aggiornaAssegnazioni(dopo);
        }
    }

    /**
     * Brings the objective's assignment rows in line with its scheda, row by primary key: idempotent
     * by construction. Never "delete where obiettivo_id = ?" and insert again: that range delete takes
     * InnoDB next-key locks on the gap after the objective's rows, and two segments inserting the
     * assignments of neighbouring objectives into each other's gap deadlock (seen importing the print
     * under load: the batch was rolled back and the event wrongly parked as poison).
     */
    private void aggiornaAssegnazioni(Scheda s) {
        em.flush();
        Map<AssegnazioneRiga.Chiave, AssegnazioneRiga> esistenti = new HashMap<>();
        em.createQuery("select a from AssegnazioneRiga a where a.obiettivoId = :id", AssegnazioneRiga.class)
                .setParameter("id", s.id()).getResultList()
                .forEach(a -> esistenti.put(a.chiave(), a));
        for (Scheda.Persona p : s.persone()) {
            for (Scheda.PeriodoAssegnazione periodo : p.periodi()) {
                AssegnazioneRiga riga = esistenti.remove(new AssegnazioneRiga.Chiave(s.id(), p.nome(), periodo.inizio()));
                if (riga == null) {
                    em.persist(new AssegnazioneRiga(s.id(), p.nome(), periodo.inizio(), s.ente(), s.anno(), periodo.fine()));
                } else {
                    riga.termina(periodo.fine());
                }
            }
        }
        esistenti.values().forEach(em::remove);
    }

    @ResetHandler
    void svuota() {
        em.createQuery("delete from AssegnazioneRiga").executeUpdate();
        em.createQuery("delete from SchedaRiga").executeUpdate();
    }
}
