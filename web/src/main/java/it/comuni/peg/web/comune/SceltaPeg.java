package it.comuni.peg.web.comune;

import it.comuni.peg.query.organigramma.Enti;
import it.comuni.peg.query.scheda.SchedaQueries;
import it.comuni.peg.platform.sicurezza.Perimetro;
import org.springframework.stereotype.Component;

import java.util.List;

/** Picks the PEG a page shows: the one asked for, else the most recent one the projection holds. */
@Component
public class SceltaPeg {

    private final SchedaQueries queries;
    private final Perimetro perimetro;
    private final Enti enti;

    public SceltaPeg(SchedaQueries queries, Perimetro perimetro, Enti enti) {
        this.queries = queries;
        this.perimetro = perimetro;
        this.enti = enti;
    }

    /**
     * The PEG asked for, or the most recent one of the ente asked for, or the most recent one of any of
     * the user's enti; only the user's enti are offered, so a PEG imported into another ente changes
     * nothing here.
     *
     * @throws it.comuni.peg.api.comune.NonTrovato when the ente asked for is not one of the user's
     */
    public PegScelto scegli(String ente, Integer anno) {
        String richiesto = ente == null || ente.isBlank() ? null : perimetro.ente(ente);
        List<PegScelto.Voce> disponibili = queries.entiEAnni().stream()
                .map(r -> new PegScelto.Voce((String) r[0], ((Number) r[1]).intValue()))
                .filter(v -> perimetro.vede(v.ente()))
                .toList();
        if (richiesto != null && anno != null) {
            return new PegScelto(richiesto, nome(richiesto), anno, disponibili);
        }
        return disponibili.stream().filter(v -> richiesto == null || v.ente().equals(richiesto)).findFirst()
                .map(v -> new PegScelto(v.ente(), nome(v.ente()), v.anno(), disponibili))
                .orElse(new PegScelto(null, null, null, disponibili));
    }

    private String nome(String ente) {
        return enti.nome(ente).orElse(ente);
    }
}
