package it.comuni.peg.query.organigramma;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The reads of an ente's organigramma: as it stood on a day, and the history of the incarichi of its
 * strutture. Read by any role of the ente; another ente answers 404, as if it did not exist
 * ({@link Perimetro}); 503 while the projection is being rebuilt.
 */
@RestController
@Tag(name = "Organigramma", description = "Enti, strutture, persone e incarichi di responsabile nel tempo")
public class OrganigrammaController {

    /** One record of the history of a struttura's incarichi (or of all the ente's). */
    public record StoriaIncarichi(String ente, String struttura, List<OrganigrammaAlGiorno.Incarico> incarichi) {
    }

    private final OrganigrammaQueries queries;
    private final Perimetro perimetro;
    private final Disponibilita disponibilita;
    private final Clock clock;

    public OrganigrammaController(OrganigrammaQueries queries, Perimetro perimetro, Disponibilita disponibilita, Clock clock) {
        this.queries = queries;
        this.perimetro = perimetro;
        this.disponibilita = disponibilita;
        this.clock = clock;
    }

    @GetMapping("/api/enti/{ente}/organigramma")
    @Operation(summary = "L'organigramma dell'ente in un giorno: strutture valide, responsabili (o vacanza), persone")
    public OrganigrammaAlGiorno organigramma(@PathVariable String ente,
                                             @Parameter(description = "Giorno AAAA-MM-GG; oggi (Europe/Rome) se assente")
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate al) {
        String codice = leggibile(ente);
        LocalDate giorno = al == null ? LocalDate.now(clock) : al;
        return queries.alGiorno(codice, giorno).orElseThrow(() -> Perimetro.enteNonTrovato(codice));
    }

    @GetMapping("/api/enti/{ente}/incarichi")
    @Operation(summary = "La storia degli incarichi di responsabile di una struttura (o di tutte), in ordine di inizio")
    public StoriaIncarichi incarichi(@PathVariable String ente,
                                     @Parameter(description = "Codice della struttura; tutte se assente")
                                     @RequestParam(required = false) String struttura) {
        String codice = leggibile(ente);
        String s = struttura == null || struttura.isBlank() ? null : struttura.strip();
        if (s != null && !queries.esisteStruttura(codice, s)) {
            throw new NonTrovato("Struttura " + s + " non trovata nell'ente " + codice);
        }
        return new StoriaIncarichi(codice, s, queries.incarichi(codice, s));
    }

    /** The ente's code, once the user may read it (404 otherwise) and the projection is readable (503 otherwise). */
    private String leggibile(String ente) {
        String codice = Codici.ente(ente);
        perimetro.lettore(codice);
        disponibilita.richiedi(Proiezioni.ORGANIGRAMMA);
        return codice;
    }
}
