package it.comuni.peg.web.scheda;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.consuntivo.RettificaConsuntivo;
import it.comuni.peg.api.fase.CompletaFase;
import it.comuni.peg.api.fase.RimodulaFase;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.comune.Campi;
import it.comuni.peg.web.comune.Modulo;
import it.comuni.peg.web.comune.Invio;
import it.comuni.peg.web.comune.Utente;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.web.comune.GiornoDelPeg;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The scheda of an objective, laid out like the print, live or as it stood at a past instant; and
 * the forms that record progress. Each form sends the same command as the API through the same
 * gateway, so the aggregate's rules and its authorization apply unchanged; a refusal comes back
 * with the API's message, placed next to the field it concerns.
 */
@Controller
public class SchedaPaginaController {

    private final LetturaScheda lettura;
    private final Invio invio;
    private final ChiRegistra chiRegistra;
    private final Clock clock;

    public SchedaPaginaController(LetturaScheda lettura, Invio invio, ChiRegistra chiRegistra, Clock clock) {
        this.lettura = lettura;
        this.invio = invio;
        this.chiRegistra = chiRegistra;
        this.clock = clock;
    }

    @GetMapping("/obiettivi/{id}")
    String scheda(@PathVariable ObiettivoId id, @RequestParam(required = false) String asOf, Model model) {
        return pagina(id, lettura.istante(asOf, "asOf"), null, model);
    }

    @PostMapping("/obiettivi/{id}/consuntivi")
    String consuntivo(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                      HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, Azioni.CONSUNTIVO, p, model, richiesta, risposta, redirect, "Consuntivo registrato",
                v -> new RegistraConsuntivo(id, Campi.intero(v, "fase"), Campi.mese(v, "mese"), Campi.spunta(v, "svolta"),
                        new Percentuale(Campi.intero(v, "percentuale")), Campi.testo(v, "note"), Campi.testo(v, "atto")));
    }

    @PostMapping("/obiettivi/{id}/rettifiche")
    String rettifica(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                     HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, Azioni.RETTIFICA, p, model, richiesta, risposta, redirect, "Consuntivo rettificato",
                v -> new RettificaConsuntivo(id, Campi.intero(v, "fase"), Campi.mese(v, "mese"), Campi.spunta(v, "svolta"),
                        new Percentuale(Campi.intero(v, "percentuale")), Campi.testo(v, "note"), Campi.testo(v, "atto"),
                        new Motivazione(Campi.testo(v, "motivazione"))));
    }

    @PostMapping("/obiettivi/{id}/completamenti")
    String completa(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                    HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, Azioni.COMPLETAMENTO, p, model, richiesta, risposta, redirect, "Fase completata",
                v -> new CompletaFase(id, Campi.intero(v, "fase"), Campi.dataRichiesta(v, "data"), Campi.testo(v, "atto")));
    }

    @PostMapping("/obiettivi/{id}/rimodulazioni")
    String rimodula(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                    HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, Azioni.RIMODULAZIONE, p, model, richiesta, risposta, redirect, "Rimodulazione registrata",
                v -> new RimodulaFase(id, Campi.intero(v, "fase"), Campi.data(v, "inizio"), Campi.data(v, "fine"), null,
                        new Motivazione(Campi.testo(v, "motivazione"))));
    }

    @PostMapping("/obiettivi/{id}/valori")
    String valore(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                  HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, Azioni.VALORE, p, model, richiesta, risposta, redirect, "Valore dell'indicatore registrato",
                v -> new RegistraValoreIndicatore(id, Campi.richiesto(v, "indicatore"), Campi.decimale(v, "valore"),
                        Campi.dataRichiesta(v, "dataRiferimento"), Campi.testo(v, "note")));
    }

    private String esegui(ObiettivoId id, String azione, Map<String, String> parametri, Model model,
                          HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect,
                          String esito, Function<Map<String, String>, Object> comando) {
        Invio.Esito inviato = invio.invia(new Modulo(azione, Azioni.CAMPI.get(azione)), parametri, comando);
        if (!inviato.accettato()) {
            Invio.statoRifiuto(richiesta, risposta, inviato);
            return pagina(id, null, inviato.rifiutato(), model);
        }
        // read your own write: the page that follows shows the projection, which trails the event store
        lettura.attendiVersione(id.valore(), inviato.versione());
        redirect.addFlashAttribute("esito", esito);
        return "redirect:/obiettivi/" + id.valore() + "#cronoprogramma";
    }

    private String pagina(ObiettivoId id, Instant istante, Modulo inviato, Model model) {
        Scheda scheda = lettura.leggi(id.valore(), istante);
        model.addAttribute("scheda", scheda);
        Utente.nellEnte(model, scheda.ente());
        model.addAttribute("istante", istante);
        model.addAttribute("fineAnno", istante == null && GiornoDelPeg.fineAnno(scheda.anno(), Istanti.giornoDi(clock.instant())));
        Cronoprogramma griglia = Cronoprogramma.di(scheda);
        model.addAttribute("griglia", griglia);
        model.addAttribute("grafico", Avanzamento.obiettivo(scheda, griglia.mesi()));
        model.addAttribute("graficiFasi", Avanzamento.fasi(scheda, griglia.mesi()));
        model.addAttribute("puoRegistrare", istante == null
                && chiRegistra.puo((Utente) model.getAttribute("utente"), scheda, Istanti.giornoDi(clock.instant())));
        model.addAttribute("daCompletare", Azioni.daCompletare(scheda));
        model.addAttribute("moduli", Azioni.moduli(inviato, scheda));
        model.addAttribute("moduloAperto", inviato != null ? inviato.getNome()
                : Azioni.daCompletare(scheda).isEmpty() ? null : Azioni.COMPLETAMENTO);
        return "scheda/scheda";
    }
}
