package it.comuni.peg.query.scheda;

import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.asof.SchedaAlIstante;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The one read of an objective's scheda on behalf of the user of the request, for the API, the pages
 * and the valutazione alike: live from the projection (which must not be being rebuilt: a 503 from
 * {@link Disponibilita}), or as known at an instant by replaying the objective's stream
 * ({@link SchedaAlIstante}). An objective of an ente where the user holds no role ({@link Perimetro#vede})
 * reads exactly as one that does not exist: empty, which each caller answers with its own 404.
 */
@Component
public class SchedeNelPerimetro {

    private final SchedaQueries queries;
    private final SchedaAlIstante alIstante;
    private final Disponibilita disponibilita;
    private final Perimetro perimetro;

    public SchedeNelPerimetro(SchedaQueries queries, SchedaAlIstante alIstante, Disponibilita disponibilita, Perimetro perimetro) {
        this.queries = queries;
        this.alIstante = alIstante;
        this.disponibilita = disponibilita;
        this.perimetro = perimetro;
    }

    /**
     * The scheda without the stato of a day.
     *
     * @param id       the objective's id
     * @param istante  the instant of a read in the past; not read when {@code live}
     * @param live     {@code true} for the projection, {@code false} for the stream replayed up to {@code istante}
     * @return empty when the objective does not exist (or was not yet defined at {@code istante}) or is
     *         of an ente the user does not read
     * @throws it.comuni.peg.query.proiezione.ProiezioneInRicostruzione live, while the projection is being rebuilt
     */
    public Optional<Scheda> scheda(String id, Instant istante, boolean live) {
        Optional<Scheda> scheda;
        if (live) {
            disponibilita.richiedi(Proiezioni.SCHEDA);
            scheda = queries.scheda(id);
        } else {
            scheda = alIstante.scheda(id, istante);
        }
        // another ente's objective answers exactly as one that does not exist
        return scheda.filter(s -> perimetro.vede(s.ente()));
    }

    /**
     * {@link #scheda} with the stato of the day of {@code istante} (Europe/Rome; {@link StatoAlGiorno}), as
     * the scheda is shown: so a read as of an instant returns exactly what the live read returned then.
     *
     * @param istante now for a live read, the instant asked for otherwise
     */
    public Optional<Scheda> alGiorno(String id, Instant istante, boolean live) {
        return scheda(id, istante, live).map(s -> StatoAlGiorno.applica(s, Istanti.giornoDi(istante)));
    }
}
