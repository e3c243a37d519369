package it.comuni.peg.query.storico;

import it.comuni.peg.platform.sicurezza.Provenienza;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.query.proiezione.InBlocco;
import it.comuni.peg.query.proiezione.Lotto;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.proiezione.Righe;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projection "storico": a line per event of every objective. Idempotent through the objective's
 * last applied sequence, so a redelivered event never writes a second line.
 */
@Component
@ProcessingGroup(Proiezioni.STORICO)
public class StoricoProjection implements InBlocco {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Narratore narratore;

    public StoricoProjection(EntityManager em, ObjectMapper mapper,
                             @Value("${peg.consuntivo.tolleranza-giorni:10}") int tolleranzaGiorni) {
        this.em = em;
        this.mapper = mapper;
        this.narratore = new Narratore(tolleranzaGiorni);
    }

    @EventHandler
    public void on(DomainEventMessage<?> evento, TrackingToken token) {
        Descrizione d = narratore.racconta(evento.getPayload(), evento.getTimestamp());
        if (d == null) {
            return;
        }
        Lotto.con(Proiezioni.STORICO, evento, ObiettiviDelLotto::new, lotto -> registra(lotto, evento, token, d));
    }

    private void registra(ObiettiviDelLotto lotto, DomainEventMessage<?> evento, TrackingToken token, Descrizione d) {
        String id = evento.getAggregateIdentifier();
        long sequenza = evento.getSequenceNumber();
        StoricoObiettivoRiga obiettivo = lotto.obiettivi.get(id);
        if (obiettivo == null) {
            obiettivo = primo(evento);
            em.persist(obiettivo);
            lotto.obiettivi.put(id, obiettivo);
        } else if (sequenza <= obiettivo.ultimaSequenza()) {
            return;
        } else {
            obiettivo.applicata(sequenza, evento.getPayload());
        }
        em.persist(voce(evento, obiettivo, token == null ? 0 : token.position().orElse(0), d));
    }

    /** The whole stream of one objective, as a rebuild reads it: the same lines as {@link #on}. */
    @Override
    public void ricostruisci(List<InBlocco.Evento> eventi, Righe righe) {
        StoricoObiettivoRiga obiettivo = null;
        for (InBlocco.Evento e : eventi) {
            DomainEventMessage<?> evento = e.messaggio();
            Descrizione d = narratore.racconta(evento.getPayload(), evento.getTimestamp());
            if (d == null) {
                continue;
            }
            if (obiettivo == null) {
                obiettivo = primo(evento);
            } else {
                obiettivo.applicata(evento.getSequenceNumber(), evento.getPayload());
            }
            righe.aggiungi(StoricoVoceRiga.INSERISCI, voce(evento, obiettivo, e.posizione(), d).colonne());
        }
        if (obiettivo != null) {
            righe.aggiungi(StoricoObiettivoRiga.INSERISCI, obiettivo.colonne());
        }
    }

    @Override
    public String gruppo() {
        return Proiezioni.STORICO;
    }

    private static StoricoObiettivoRiga primo(DomainEventMessage<?> evento) {
        if (!(evento.getPayload() instanceof ObiettivoDefinito e)) {
            throw new IllegalStateException("Evento " + evento.getPayloadType().getSimpleName()
                    + " dell'obiettivo " + evento.getAggregateIdentifier() + " prima della sua definizione");
        }
        return new StoricoObiettivoRiga(evento.getAggregateIdentifier(), e.ente(), e.anno(), e.titolo(), e.settore().codice(),
                e.ufficio() == null ? null : e.ufficio().codice(), evento.getSequenceNumber());
    }

    private StoricoVoceRiga voce(DomainEventMessage<?> evento, StoricoObiettivoRiga obiettivo, long posizione, Descrizione d) {
        return new StoricoVoceRiga(obiettivo.obiettivoId(), evento.getSequenceNumber(), obiettivo.ente(), obiettivo.anno(),
                posizione, evento.getTimestamp(),
                testo(evento, Metadati.UTENTE), testo(evento, Metadati.RUOLO), testo(evento, Metadati.PERSONA),
                obiettivo.settore(), obiettivo.ufficio(), provenienza(evento), d, json(d.prima()), json(d.dopo()));
    }

    /** How the author had signed in, from the event's metadata ({@link Provenienza#IGNOTA} when it carries none). */
    private static Provenienza provenienza(DomainEventMessage<?> evento) {
        String modo = testo(evento, Metadati.AUTENTICAZIONE);
        String quando = testo(evento, Metadati.AUTENTICATO_IL);
        return new Provenienza(modo == null ? null : Provenienza.Modo.valueOf(modo), testo(evento, Metadati.EMITTENTE),
                quando == null ? null : java.time.Instant.parse(quando));
    }

    /** A metadata value as text (they are all strings; null when absent). */
    private static String testo(DomainEventMessage<?> evento, String chiave) {
        Object valore = evento.getMetaData().get(chiave);
        return valore == null ? null : valore.toString();
    }

    /**
     * The objectives of one batch of events, read with one query instead of one per event: in a
     * rebuild, consecutive events mostly belong to different objectives. The lines themselves are
     * inserted in JDBC batches when the transaction flushes (hibernate.jdbc.batch_size).
     */
    private final class ObiettiviDelLotto implements Lotto.Stato {

        private final Map<String, StoricoObiettivoRiga> obiettivi = new HashMap<>();

        ObiettiviDelLotto(Set<String> id) {
            List<String> tutti = new ArrayList<>(id);
            for (int i = 0; i < tutti.size(); i += 1000) {
                em.createQuery("select o from StoricoObiettivoRiga o where o.obiettivoId in :id", StoricoObiettivoRiga.class)
                        .setParameter("id", tutti.subList(i, Math.min(tutti.size(), i + 1000)))
                        .getResultList()
                        .forEach(o -> obiettivi.put(o.obiettivoId(), o));
            }
        }

        @Override
        public void scrivi() {
            // the rows are managed entities: the flush at commit writes them
        }
    }

    @ResetHandler
    void svuota() {
        em.createQuery("delete from StoricoVoceRiga").executeUpdate();
        em.createQuery("delete from StoricoObiettivoRiga").executeUpdate();
    }

    private String json(Object valore) {
        try {
            return valore == null ? null : mapper.writeValueAsString(valore);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
