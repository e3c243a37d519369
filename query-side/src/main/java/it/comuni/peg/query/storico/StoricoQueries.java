package it.comuni.peg.query.storico;

import it.comuni.peg.platform.sicurezza.Provenienza;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
@Transactional(readOnly = true)
public class StoricoQueries {

    /** Far past and far future, inside what DATETIME(6) holds. */
    private static final Instant INIZIO = Instant.parse("1970-01-02T00:00:00Z");
    private static final Instant FINE = Instant.parse("9999-12-30T00:00:00Z");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ChiHaAgito chiHaAgito;

    public StoricoQueries(EntityManager em, ObjectMapper mapper, ChiHaAgito chiHaAgito) {
        this.em = em;
        this.mapper = mapper;
        this.chiHaAgito = chiHaAgito;
    }

    public Optional<StoricoObiettivoRiga> obiettivo(String id) {
        return Optional.ofNullable(em.find(StoricoObiettivoRiga.class, id));
    }

    /** The objective's changes recorded in (da, a], in sequence order (its recording order). */
    public List<VoceStorico> obiettivo(StoricoObiettivoRiga o, Instant da, Instant a) {
        TypedQuery<StoricoVoceRiga> q = em.createQuery("select v from StoricoVoceRiga v where v.obiettivoId = :id"
                + " and v.registratoIl > :da and v.registratoIl <= :a order by v.sequenza", StoricoVoceRiga.class);
        q.setParameter("id", o.obiettivoId());
        q.setParameter("da", da == null ? INIZIO : da);
        q.setParameter("a", a == null ? FINE : a);
        List<StoricoVoceRiga> righe = q.getResultList();
        Map<StoricoVoceRiga, ChiHaAgito.Autore> autori = chiHaAgito.di(righe);
        return righe.stream().map(v -> voce(v, o.titolo(), autori.get(v))).toList();
    }

    /** The PEG's changes recorded in (da, a], in recording order across its objectives. */
    public List<VoceStorico> peg(String ente, int anno, Instant da, Instant a) {
        TypedQuery<StoricoVoceRiga> q = em.createQuery("select v from StoricoVoceRiga v where v.ente = :ente and v.anno = :anno"
                + " and v.registratoIl > :da and v.registratoIl <= :a order by v.registratoIl, v.posizione, v.obiettivoId, v.sequenza",
                StoricoVoceRiga.class);
        q.setParameter("ente", ente);
        q.setParameter("anno", anno);
        q.setParameter("da", da == null ? INIZIO : da);
        q.setParameter("a", a == null ? FINE : a);
        List<StoricoVoceRiga> righe = q.getResultList();
        List<String> ids = righe.stream().map(StoricoVoceRiga::obiettivoId).distinct().toList();
        Map<String, String> titoli = ids.isEmpty() ? Map.of() : em.createQuery(
                        "select o from StoricoObiettivoRiga o where o.obiettivoId in :ids", StoricoObiettivoRiga.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(StoricoObiettivoRiga::obiettivoId, StoricoObiettivoRiga::titolo));
        Map<StoricoVoceRiga, ChiHaAgito.Autore> autori = chiHaAgito.di(righe);
        return righe.stream().map(v -> voce(v, titoli.get(v.obiettivoId()), autori.get(v))).toList();
    }

    private VoceStorico voce(StoricoVoceRiga v, String titolo, ChiHaAgito.Autore a) {
        return new VoceStorico(v.obiettivoId(), titolo, v.sequenza(), v.registratoIl(), v.utente(), v.ruolo(),
                v.persona(), a == null ? null : a.nomePersona(), a == null ? null : a.descrizioneRuolo(),
                a == null ? null : a.incarico(), a == null ? null : a.chi(),
                v.provenienza().modo() == Provenienza.Modo.IGNOTO ? null : v.provenienza().modo().name(),
                v.provenienza().emittente(), v.provenienza().autenticatoIl(), accesso(v.provenienza()), v.tipo(),
                v.descrizione(), v.motivazione(), albero(v.prima()), albero(v.dopo()), v.registratoInRitardo(),
                v.giorniRitardo());
    }

    /** How the author had signed in, in Italian (times in Europe/Rome); null when the event did not record it. */
    static String accesso(Provenienza p) {
        if (p.modo() == Provenienza.Modo.IGNOTO) {
            return null;
        }
        StringBuilder frase = new StringBuilder(p.modo().descrizione());
        if (p.emittente() != null) {
            frase.append(", ").append(p.emittente());
        }
        if (p.autenticatoIl() != null) {
            frase.append(", autenticato il ").append(QUANDO.format(p.autenticatoIl()));
        }
        return frase.toString();
    }

    private static final java.time.format.DateTimeFormatter QUANDO = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy 'alle' HH:mm").withZone(it.comuni.peg.query.asof.Istanti.FUSO);

    private JsonNode albero(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
