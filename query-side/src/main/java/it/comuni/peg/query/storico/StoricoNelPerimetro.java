package it.comuni.peg.query.storico;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.springframework.stereotype.Component;

/**
 * The one read of an objective's storico heading on behalf of the user of the request, for the API
 * and the pages alike: from the storico projection (which must not be being rebuilt), and only for an
 * objective of an ente where the user holds a role ({@link Perimetro#vede}); another ente's objective
 * answers exactly as one that does not exist.
 */
@Component
public class StoricoNelPerimetro {

    private final StoricoQueries queries;
    private final Disponibilita disponibilita;
    private final Perimetro perimetro;

    public StoricoNelPerimetro(StoricoQueries queries, Disponibilita disponibilita, Perimetro perimetro) {
        this.queries = queries;
        this.disponibilita = disponibilita;
        this.perimetro = perimetro;
    }

    /**
     * The objective's row of the storico (its ente, anno and titolo), whose changes
     * {@link StoricoQueries#obiettivo(StoricoObiettivoRiga, java.time.Instant, java.time.Instant)} lists.
     *
     * @throws it.comuni.peg.query.proiezione.ProiezioneInRicostruzione while the storico is being rebuilt (503)
     * @throws NonTrovato when the objective does not exist or is of an ente the user does not read (404)
     */
    public StoricoObiettivoRiga obiettivo(ObiettivoId id) {
        disponibilita.richiedi(Proiezioni.STORICO);
        return queries.obiettivo(id.valore())
                .filter(o -> perimetro.vede(o.ente()))
                .orElseThrow(() -> new NonTrovato("Obiettivo " + id + " non trovato"));
    }
}
