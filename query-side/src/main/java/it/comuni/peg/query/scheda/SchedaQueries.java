package it.comuni.peg.query.scheda;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the scheda projection. */
@Service
@Transactional(readOnly = true)
public class SchedaQueries {

    private final EntityManager em;
    private final SchedaJson json;

    public SchedaQueries(EntityManager em, SchedaJson json) {
        this.em = em;
        this.json = json;
    }

    /** The scheda as the projection holds it, without the stato of a day. */
    public Optional<Scheda> scheda(String id) {
        return Optional.ofNullable(em.find(SchedaRiga.class, id)).map(r -> json.leggi(r.documento()));
    }

    /** Live PEG list: every filter in SQL, the stato of {@code giorno} included. */
    public List<Scheda> peg(FiltroPeg filtro, LocalDate giorno) {
        return righe(filtro, giorno, null, SchedaRiga.class).stream().map(r -> json.leggi(r.documento())).toList();
    }

    /**
     * The ids of the objectives of the PEG defined by {@code istante}, filtered on what never changes
     * (settore, ufficio, responsabili, titolo): the as-of list folds each of them.
     */
    public List<String> idDefinitiEntro(FiltroPeg filtro, Instant istante) {
        return righe(filtro, null, istante, String.class);
    }

    /** The PEGs the projection holds, as (ente, anno), the most recent year first: what a page offers to choose. */
    public List<Object[]> entiEAnni() {
        return em.createQuery("select distinct r.ente, r.anno from SchedaRiga r order by r.anno desc, r.ente", Object[].class)
                .getResultList();
    }

    /** The objectives of the ente a person was assigned to in a year (names are stored upper case, as the aggregate writes them). */
    public List<String> obiettiviDi(String ente, String nome, int anno) {
        return assegnati("nome", ente, nome, anno);
    }

    /** The objectives of the ente a person, by identificativo (matricola or codice fiscale), was assigned to in a year. */
    public List<String> obiettiviDiPersona(String ente, String persona, int anno) {
        return assegnati("persona", ente, persona, anno);
    }

    /** The objectives with an assignment row whose {@code campo} (nome or persona) is {@code valore}. */
    private List<String> assegnati(String campo, String ente, String valore, int anno) {
        return em.createQuery("select distinct a.obiettivoId from AssegnazioneRiga a where a.ente = :ente and a." + campo
                        + " = :valore and a.anno = :anno", String.class)
                .setParameter("ente", ente)
                .setParameter("valore", valore)
                .setParameter("anno", anno)
                .getResultList();
    }

    private <T> List<T> righe(FiltroPeg f, LocalDate giorno, Instant definitiEntro, Class<T> tipo) {
        StringBuilder jpql = new StringBuilder("select ")
                .append(tipo == String.class ? "r.obiettivoId" : "r")
                .append(" from SchedaRiga r where r.ente = :ente and r.anno = :anno");
        Map<String, Object> parametri = new HashMap<>();
        parametri.put("ente", f.ente());
        parametri.put("anno", f.anno());
        if (f.settore() != null) {
            jpql.append(" and r.settore = :settore");
            parametri.put("settore", f.settore());
        }
        if (f.ufficio() != null) {
            jpql.append(" and r.ufficio = :ufficio");
            parametri.put("ufficio", f.ufficio());
        }
        if (f.responsabile() != null) {
            // the table's collation is case- and accent-insensitive
            jpql.append(" and (r.responsabileSettore like :responsabile escape '!' or r.responsabileUfficio like :responsabile escape '!')");
            parametri.put("responsabile", contiene(f.responsabile()));
        }
        if (f.testo() != null) {
            jpql.append(" and r.titolo like :testo escape '!'");
            parametri.put("testo", contiene(f.testo()));
        }
        if (definitiEntro != null) {
            jpql.append(" and r.definitoIl <= :istante");
            parametri.put("istante", definitiEntro);
        }
        if (giorno != null && f.stato() != null) {
            // the rule of StatoAlGiorno, in SQL
            switch (f.stato()) {
                case COMPLETATO -> jpql.append(" and r.completato = true");
                case IN_RITARDO -> jpql.append(" and r.completato = false and r.scadenzaAperta < :giorno");
                case IN_CORSO -> jpql.append(" and r.completato = false and (r.scadenzaAperta is null or r.scadenzaAperta >= :giorno) and r.avviato = true");
                case NON_AVVIATO -> jpql.append(" and r.completato = false and (r.scadenzaAperta is null or r.scadenzaAperta >= :giorno) and r.avviato = false");
            }
            if (f.stato() != Stato.COMPLETATO) {
                parametri.put("giorno", giorno);
            }
        }
        TypedQuery<T> query = em.createQuery(jpql.toString(), tipo);
        parametri.forEach(query::setParameter);
        return new ArrayList<>(query.getResultList());
    }

    private static String contiene(String testo) {
        return "%" + testo.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
