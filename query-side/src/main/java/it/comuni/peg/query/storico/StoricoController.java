package it.comuni.peg.query.storico;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.scheda.SchedaController;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The storico of an objective or of a PEG, and what changed between two instants. */
@RestController
@Tag(name = "Storico", description = "Ogni modifica in ordine di registrazione: quando, chi, con quale ruolo, cosa e perché")
public class StoricoController {

    private static final String ISTANTE = "Istante ISO-8601 o data AAAA-MM-GG (fine di quel giorno, Europe/Rome)";

    private final StoricoQueries queries;
    private final Disponibilita disponibilita;
    private final Perimetro perimetro;
    private final StoricoNelPerimetro nelPerimetro;

    public StoricoController(StoricoQueries queries, Disponibilita disponibilita, Perimetro perimetro,
                             StoricoNelPerimetro nelPerimetro) {
        this.perimetro = perimetro;
        this.nelPerimetro = nelPerimetro;
        this.queries = queries;
        this.disponibilita = disponibilita;
    }

    @GetMapping("/api/obiettivi/{id}/storico")
    @Operation(summary = "Lo storico di un obiettivo")
    public Storico storico(@PathVariable ObiettivoId id) {
        return obiettivo(id, null, null);
    }

    @GetMapping("/api/obiettivi/{id}/differenze")
    @Operation(summary = "Cosa è cambiato in un obiettivo tra due istanti (registrato dopo 'da' e fino ad 'a')")
    public Storico differenze(@PathVariable ObiettivoId id,
                              @Parameter(description = ISTANTE) @RequestParam String da,
                              @Parameter(description = ISTANTE) @RequestParam String a) {
        Instant[] intervallo = intervallo(da, a);
        return obiettivo(id, intervallo[0], intervallo[1]);
    }

    @GetMapping("/api/peg/{anno}/storico")
    @Operation(summary = "Lo storico di tutto il PEG di un ente e anno")
    public Storico storicoPeg(@PathVariable int anno,
                              @Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente) {
        String codice = perimetro.ente(ente);
        disponibilita.richiedi(Proiezioni.STORICO);
        List<VoceStorico> voci = queries.peg(codice, anno, null, null);
        return new Storico(null, codice, anno, null, null, voci.size(), voci);
    }

    @GetMapping("/api/peg/{anno}/differenze")
    @Operation(summary = "Cosa è cambiato nel PEG tra due istanti")
    public Storico differenzePeg(@PathVariable int anno,
                                 @Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                 @Parameter(description = ISTANTE) @RequestParam String da,
                                 @Parameter(description = ISTANTE) @RequestParam String a) {
        String codice = perimetro.ente(ente);
        Instant[] intervallo = intervallo(da, a);
        disponibilita.richiedi(Proiezioni.STORICO);
        List<VoceStorico> voci = queries.peg(codice, anno, intervallo[0], intervallo[1]);
        return new Storico(null, codice, anno, intervallo[0], intervallo[1], voci.size(), voci);
    }

    private Storico obiettivo(ObiettivoId id, Instant da, Instant a) {
        StoricoObiettivoRiga o = nelPerimetro.obiettivo(id);
        List<VoceStorico> voci = queries.obiettivo(o, da, a);
        return new Storico(o.obiettivoId(), o.ente(), o.anno(), da, a, voci.size(), voci);
    }

    private static Instant[] intervallo(String da, String a) {
        Instant inizio = Istanti.istante(da, "da");
        Instant fine = Istanti.istante(a, "a");
        if (inizio.isAfter(fine)) {
            throw new ValoreNonValido("a", "L'istante 'a' (" + fine + ") precede 'da' (" + inizio + ")");
        }
        return new Instant[]{inizio, fine};
    }
}
