package it.comuni.peg.web.storico;

import it.comuni.peg.web.comune.Utente;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.asof.SchedaAlIstante;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.StatoAlGiorno;
import it.comuni.peg.query.storico.StoricoNelPerimetro;
import it.comuni.peg.query.storico.StoricoObiettivoRiga;
import it.comuni.peg.query.storico.StoricoQueries;
import it.comuni.peg.query.storico.VoceStorico;
import it.comuni.peg.web.scheda.Cronoprogramma;
import it.comuni.peg.web.scheda.LetturaScheda;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.Parameter;

import java.time.Instant;
import java.util.List;

/**
 * The storico of an objective (every change: who, when, with which role, why), the way to see the
 * whole scheda as of a date, and the comparison of two dates side by side.
 */
@Controller
public class StoricoPaginaController {

    private final StoricoQueries storico;
    private final StoricoNelPerimetro nelPerimetro;
    private final SchedaAlIstante alIstante;
    private final LetturaScheda lettura;

    public StoricoPaginaController(StoricoQueries storico, StoricoNelPerimetro nelPerimetro, SchedaAlIstante alIstante,
                                   LetturaScheda lettura) {
        this.storico = storico;
        this.nelPerimetro = nelPerimetro;
        this.alIstante = alIstante;
        this.lettura = lettura;
    }

    @GetMapping("/obiettivi/{id}/storico")
    String storico(@PathVariable ObiettivoId id, Model model) {
        StoricoObiettivoRiga o = nelPerimetro.obiettivo(id);
        model.addAttribute("obiettivo", o);
        Utente.nellEnte(model, o.ente());
        model.addAttribute("voci", storico.obiettivo(o, null, null));
        return "storico/storico";
    }

    @GetMapping("/obiettivi/{id}/confronto")
    String confronto(@PathVariable ObiettivoId id,
                     @Parameter(description = "La data da cui confrontare") @RequestParam String da,
                     @Parameter(description = "La data fino a cui confrontare") @RequestParam String a, Model model) {
        StoricoObiettivoRiga o = nelPerimetro.obiettivo(id);
        Instant inizio = lettura.istante(da, "da");
        Instant fine = lettura.istante(a, "a");
        if (inizio == null || fine == null) {
            throw new ValoreNonValido(inizio == null ? "da" : "a", "Indicare entrambe le date da confrontare");
        }
        if (inizio.isAfter(fine)) {
            throw new ValoreNonValido("a", "La seconda data precede la prima");
        }
        Scheda prima = alIstante.scheda(id.valore(), inizio).map(s -> StatoAlGiorno.applica(s, Istanti.giornoDi(inizio))).orElse(null);
        Scheda dopo = alIstante.scheda(id.valore(), fine).map(s -> StatoAlGiorno.applica(s, Istanti.giornoDi(fine))).orElse(null);
        List<VoceStorico> voci = storico.obiettivo(o, inizio, fine);
        model.addAttribute("obiettivo", o);
        Utente.nellEnte(model, o.ente());
        model.addAttribute("da", inizio);
        model.addAttribute("a", fine);
        model.addAttribute("confronto", Confronto.di(prima, dopo));
        // the two cronoprogrammi side by side, each cell that differs marked in both
        Cronoprogramma grigliaPrima = prima == null ? null : Cronoprogramma.di(prima);
        Cronoprogramma grigliaDopo = dopo == null ? null : Cronoprogramma.di(dopo);
        model.addAttribute("grigliaPrima", grigliaPrima);
        model.addAttribute("grigliaDopo", grigliaDopo);
        model.addAttribute("diverse", grigliaPrima == null || grigliaDopo == null ? java.util.Set.of() : grigliaPrima.differenze(grigliaDopo));
        model.addAttribute("voci", voci);
        return "storico/confronto";
    }
}
