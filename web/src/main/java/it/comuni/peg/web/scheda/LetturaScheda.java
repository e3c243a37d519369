package it.comuni.peg.web.scheda;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaQueries;
import it.comuni.peg.query.scheda.SchedeNelPerimetro;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Reads a scheda live or as known at an instant, exactly as GET /api/obiettivi/{id}?asOf= does:
 * the projection for now, the objective's replayed stream for the past, the stato of that day.
 */
@Component
public class LetturaScheda {

    private static final it.comuni.peg.web.comune.Formato FORMATO = new it.comuni.peg.web.comune.Formato();

    private final SchedaQueries queries;
    private final SchedeNelPerimetro nelPerimetro;
    private final Clock clock;

    public LetturaScheda(SchedaQueries queries, SchedeNelPerimetro nelPerimetro, Clock clock) {
        this.queries = queries;
        this.nelPerimetro = nelPerimetro;
        this.clock = clock;
    }

    /**
     * The objective's scheda with the stato of the day ({@link SchedeNelPerimetro#alGiorno}).
     *
     * @param istante the instant of a read in the past; {@code null} for now (the projection)
     * @throws NonTrovato when the objective does not exist (or was not yet defined then), or is of an ente the user does not read
     */
    public Scheda leggi(String id, Instant istante) {
        return nelPerimetro.alGiorno(id, istante == null ? clock.instant() : istante, istante == null)
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
