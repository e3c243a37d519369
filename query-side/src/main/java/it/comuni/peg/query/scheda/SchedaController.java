package it.comuni.peg.query.scheda;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.asof.SchedaAlIstante;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The scheda of an objective and the PEG list, live or as known at an instant ({@code asOf}).
 * The stato is computed for the day viewed: today live, the day of {@code asOf} otherwise, so an
 * as-of read returns exactly what the live read returned at that instant.
 */
@RestController
@RequestMapping("/api/obiettivi")
@Tag(name = "Scheda e PEG", description = "Lettura degli obiettivi, anche come erano noti a un istante passato")
public class SchedaController {

    /** How every route on a whole PEG names its ente. */
    public static final String ENTE = "Codice IPA dell'ente (es. c_b648); facoltativo per chi ha accesso a un solo ente";

    private static final String AS_OF = "Istante ISO-8601 (2023-06-30T10:00:00Z) o data (2023-06-30 = fine di quel giorno, Europe/Rome)";

    private final SchedaQueries queries;
    private final SchedaAlIstante alIstante;
    private final Disponibilita disponibilita;
    private final Clock clock;
    private final Perimetro perimetro;
    private final SchedeNelPerimetro nelPerimetro;

    public SchedaController(SchedaQueries queries, SchedaAlIstante alIstante, Disponibilita disponibilita, Clock clock,
                            Perimetro perimetro, SchedeNelPerimetro nelPerimetro) {
        this.perimetro = perimetro;
        this.nelPerimetro = nelPerimetro;
        this.queries = queries;
        this.alIstante = alIstante;
        this.disponibilita = disponibilita;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    @Operation(summary = "La scheda di un obiettivo: campi, persone, fasi con cronoprogramma, indicatori, versione (anche ETag)")
    public ResponseEntity<Scheda> scheda(@PathVariable ObiettivoId id,
                                         @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
                                         WebRequest request) {
        Instant istante = Istanti.conosciutoAl(asOf, clock);
        Scheda vista = nelPerimetro.alGiorno(id.valore(), istante, asOf == null)
                .orElseThrow(() -> new NonTrovato(asOf == null ? "Obiettivo " + id + " non trovato"
                        : "Obiettivo " + id + " non ancora definito a " + istante));
        String etag = "\"" + vista.versione() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(vista);
    }

    @GetMapping
    @Operation(summary = "Gli obiettivi del PEG di un ente e anno, filtrabili per settore, ufficio, responsabile, stato e testo nel titolo")
    public ElencoPeg peg(@Parameter(description = ENTE) @RequestParam(required = false) String ente,
                         @RequestParam int anno,
                         @RequestParam(required = false) String settore,
                         @RequestParam(required = false) String ufficio,
                         @Parameter(description = "Parte del nome del responsabile del settore o dell'ufficio")
                         @RequestParam(required = false) String responsabile,
                         @RequestParam(required = false) Stato stato,
                         @Parameter(description = "Parte del titolo") @RequestParam(required = false) String testo,
                         @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        Instant istante = Istanti.conosciutoAl(asOf, clock);
        FiltroPeg filtro = new FiltroPeg(perimetro.ente(ente), anno, vuotoNull(settore), vuotoNull(ufficio),
                vuotoNull(responsabile), stato, vuotoNull(testo));
        // the as-of list too takes the objectives' ids from the projection
        disponibilita.richiedi(Proiezioni.SCHEDA);
        List<Scheda> schede;
        if (asOf == null) {
            schede = queries.peg(filtro, Istanti.giornoDi(istante));
        } else {
            schede = alIstante.peg(filtro, istante);
        }
        return ElencoPeg.di(filtro, Istanti.giornoDi(istante), schede);
    }


    private static String vuotoNull(String valore) {
        return valore == null || valore.isBlank() ? null : valore.strip();
    }
}
