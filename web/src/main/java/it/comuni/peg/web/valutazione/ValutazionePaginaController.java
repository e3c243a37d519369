package it.comuni.peg.web.valutazione;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.valutazione.ValutazioneService;
import it.comuni.peg.web.comune.PegScelto;
import it.comuni.peg.web.comune.SceltaPeg;
import it.comuni.peg.web.scheda.LetturaScheda;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;

/**
 * The nucleo's view: the grado di raggiungimento of every objective of the PEG, and for one
 * objective the trace behind its score, computed by the same service as GET .../valutazione.
 */
@Controller
public class ValutazionePaginaController {

    private final ValutazioneService servizio;
    private final SceltaPeg sceltaPeg;
    private final LetturaScheda lettura;
    private final Disponibilita disponibilita;
    private final Clock clock;

    public ValutazionePaginaController(ValutazioneService servizio, SceltaPeg sceltaPeg, LetturaScheda lettura,
                                       Disponibilita disponibilita, Clock clock) {
        this.servizio = servizio;
        this.sceltaPeg = sceltaPeg;
        this.lettura = lettura;
        this.disponibilita = disponibilita;
        this.clock = clock;
    }

    @GetMapping("/valutazione")
    String peg(@RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno,
               @RequestParam(required = false) String asOf, Model model) {
        PegScelto peg = sceltaPeg.scegli(ente, anno);
        model.addAttribute("peg", peg);
        if (peg.vuoto()) {
            return "peg/vuoto";
        }
        disponibilita.richiedi(Proiezioni.SCHEDA);
        Instant istante = lettura.istante(asOf, "asOf");
        model.addAttribute("istante", istante);
        model.addAttribute("riepilogo", servizio.peg(peg.ente(), peg.anno(), null,
                istante == null ? clock.instant() : istante, istante == null));
        return "valutazione/peg";
    }

    @GetMapping("/valutazione/obiettivi/{id}")
    String obiettivo(@PathVariable ObiettivoId id, @RequestParam(required = false) String asOf, Model model) {
        Instant istante = lettura.istante(asOf, "asOf");
        if (istante == null) {
            disponibilita.richiedi(Proiezioni.SCHEDA);
        }
        model.addAttribute("istante", istante);
        model.addAttribute("v", servizio.obiettivo(id.valore(), null, istante == null ? clock.instant() : istante, istante == null));
        return "valutazione/obiettivo";
    }
}
