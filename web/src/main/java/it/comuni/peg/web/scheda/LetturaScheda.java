package it.comuni.peg.web.scheda;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.asof.SchedaAlIstante;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaQueries;
import it.comuni.peg.query.scheda.StatoAlGiorno;
import it.comuni.peg.platform.sicurezza.Perimetro;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a scheda live or as known at an instant, exactly as GET /api/obiettivi/{id}?asOf= does:
 * the projection for now, the objective's replayed stream for the past, the stato of that day.
 */
@Component
public class LetturaScheda {

    private static final it.comuni.peg.web.comune.Formato FORMATO = new it.comuni.peg.web.comune.Formato();

    private final SchedaQueries queries;
    private final SchedaAlIstante alIstante;
    private final Disponibilita disponibilita;
    private final Clock clock;

    private final Perimetro perimetro;

    public LetturaScheda(SchedaQueries queries, SchedaAlIstante alIstante, Disponibilita disponibilita, Clock clock,
                         Perimetro perimetro) {
        this.perimetro = perimetro;
        this.queries = queries;
        this.alIstante = alIstante;
        this.disponibilita = disponibilita;
        this.clock = clock;
    }

    public Scheda leggi(String id, Instant istante) {
        Optional<Scheda> scheda;
        Instant giorno = istante == null ? clock.instant() : istante;
        if (istante == null) {
            disponibilita.richiedi(Proiezioni.SCHEDA);
            scheda = queries.scheda(id);
        } else {
            scheda = alIstante.scheda(id, istante);
        }
        // another ente's objective reads exactly as one that does not exist
        return scheda.filter(s -> perimetro.vede(s.ente()))
                .map(s -> StatoAlGiorno.applica(s, Istanti.giornoDi(giorno)))
                .orElseThrow(() -> new NonTrovato(istante == null ? "Obiettivo " + id + " non trovato"
                        : "L'obiettivo non era ancora definito il " + FORMATO.istante(istante)));
    }

    /**
     * Waits (at most two seconds) until the projection holds the objective at {@code versione}, so
     * that the page after a command shows what the user just recorded. Past that, the page shows
     * what the projection has; nothing is lost, the event is stored.
     */
    public void attendiVersione(String id, long versione) {
        long limite = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < limite) {
            if (queries.scheda(id).map(Scheda::versione).orElse(-1L) >= versione) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The instant asked for (ISO instant, local date-time or date), never the future; null for now. */
    public Instant istante(String asOf, String parametro) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        Instant richiesto = Istanti.istante(asOf, parametro);
        Instant adesso = clock.instant();
        return richiesto.isAfter(adesso) ? adesso : richiesto;
    }
}
