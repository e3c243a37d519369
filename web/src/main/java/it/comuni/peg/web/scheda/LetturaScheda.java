package it.comuni.peg.web.scheda;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaQueries;
import it.comuni.peg.query.scheda.SchedeNelPerimetro;
import org.springframework.stereotype.Component;

import it.comuni.peg.query.scheda.StatoAlGiorno;
import it.comuni.peg.web.comune.GiornoDelPeg;

import java.time.Clock;
import java.time.LocalDate;
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
        Scheda scheda = nelPerimetro.alGiorno(id, istante == null ? clock.instant() : istante, istante == null)
                .orElseThrow(() -> new NonTrovato(istante == null ? "Obiettivo " + id + " non trovato"
                        : "L'obiettivo non era ancora definito il " + FORMATO.istante(istante)));
        if (istante == null) {
            // a past year's objective read today: its stato at the end of its year (GiornoDelPeg)
            LocalDate oggi = Istanti.giornoDi(clock.instant());
            if (GiornoDelPeg.fineAnno(scheda.anno(), oggi)) {
                return StatoAlGiorno.applica(scheda, GiornoDelPeg.di(scheda.anno(), oggi));
            }
        }
        return scheda;
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

    /**
     * The instant asked for, never the future; null for now. Typed the Italian way ("30/06/2023": the end of
     * that day; "30/06/2023 12:00" or with seconds: that time in Italy) or as the API takes it (ISO instant,
     * local date-time or date, what the browser's date and datetime-local fields send).
     *
     * @throws it.comuni.peg.api.comune.ValoreNonValido naming {@code parametro}, in Italian, when it is neither
     */
    public Instant istante(String asOf, String parametro) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        Instant richiesto;
        try {
            richiesto = Istanti.istante(comeIso(asOf.strip(), parametro), parametro);
        } catch (it.comuni.peg.api.comune.ValoreNonValido e) {
            throw nonValida(asOf.strip(), parametro);
        }
        Instant adesso = clock.instant();
        return richiesto.isAfter(adesso) ? adesso : richiesto;
    }

    private static final java.util.regex.Pattern ITALIANA =
            java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[ T,]+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?)?");

    private static it.comuni.peg.api.comune.ValoreNonValido nonValida(String valore, String parametro) {
        return new it.comuni.peg.api.comune.ValoreNonValido(parametro, "La data «" + valore
                + "» non è valida: scrivila come GG/MM/AAAA (es. 30/06/2023), con l'ora se serve (30/06/2023 12:00)");
    }

    /** "30/06/2023 12:00" as "2023-06-30T12:00:00"; anything else as it is. */
    static String comeIso(String valore, String parametro) {
        java.util.regex.Matcher m = ITALIANA.matcher(valore);
        if (!m.matches()) {
            return valore;
        }
        String giorno = String.format("%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        if (m.group(4) == null) {
            return giorno;
        }
        return giorno + String.format("T%02d:%s:%s", Integer.parseInt(m.group(4)), m.group(5), m.group(6) == null ? "00" : m.group(6));
    }
}
