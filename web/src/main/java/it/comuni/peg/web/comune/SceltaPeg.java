package it.comuni.peg.web.comune;

import it.comuni.peg.query.scheda.SchedaQueries;
import org.springframework.stereotype.Component;

import java.util.List;

/** Picks the PEG a page shows: the one asked for, else the most recent one the projection holds. */
@Component
public class SceltaPeg {

    private final SchedaQueries queries;

    public SceltaPeg(SchedaQueries queries) {
        this.queries = queries;
    }

    public PegScelto scegli(String ente, Integer anno) {
        List<PegScelto.Voce> disponibili = queries.entiEAnni().stream()
                .map(r -> new PegScelto.Voce((String) r[0], ((Number) r[1]).intValue()))
                .toList();
        if (ente != null && !ente.isBlank() && anno != null) {
            return new PegScelto(ente.strip(), anno, disponibili);
        }
        return disponibili.isEmpty() ? new PegScelto(null, null, disponibili)
                : new PegScelto(disponibili.get(0).ente(), disponibili.get(0).anno(), disponibili);
    }
}
