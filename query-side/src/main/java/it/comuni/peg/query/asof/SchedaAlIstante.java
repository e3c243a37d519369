package it.comuni.peg.query.asof;

import it.comuni.peg.query.scheda.FiltroPeg;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Time travel by replaying one objective's stream cut at the instant, through the projection's own
 * reducer. Cost: the events of one objective (a few hundred a year), whatever the size of the
 * store, thanks to the (aggregate, sequence) index; no temporal tables to keep in step. The folded
 * timeline of recently read objectives stays in memory ({@link Cronologie}).
 */
@Service
@Transactional(readOnly = true)
public class SchedaAlIstante {

    private final Cronologie cronologie;
    private final SchedaQueries schede;

    public SchedaAlIstante(Cronologie cronologie, SchedaQueries schede) {
        this.cronologie = cronologie;
        this.schede = schede;
    }

    /** The scheda as known at {@code istante}, without the stato of a day; empty if not yet defined. */
    public Optional<Scheda> scheda(String id, Instant istante) {
        return cronologie.alIstante(id, istante);
    }

    /** The objectives of the PEG known at {@code istante}, each as known then. */
    public List<Scheda> peg(FiltroPeg filtro, Instant istante) {
        List<Scheda> risultato = new ArrayList<>();
        for (String id : schede.idDefinitiEntro(filtro, istante)) {
            scheda(id, istante).ifPresent(risultato::add);
        }
        return risultato;
    }
}
