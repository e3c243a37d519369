package it.comuni.peg.web.valutazione;

import java.util.Set;
import java.util.EnumSet;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.web.comune.Utente;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.valutazione.ChiudiMonitoraggio;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.valutazione.ImpostaMetodoValutazione;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.api.valutazione.RegistraValutazione;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.valutazione.CicloAlIstante;
import it.comuni.peg.query.valutazione.CicloNoto;
import it.comuni.peg.query.valutazione.ValutazioneService;
import it.comuni.peg.web.comune.Campi;
import it.comuni.peg.web.comune.Invio;
import it.comuni.peg.web.comune.Modulo;
import it.comuni.peg.web.comune.PegScelto;
import it.comuni.peg.web.comune.SceltaPeg;
import it.comuni.peg.web.scheda.LetturaScheda;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.StatoAlGiorno;
import it.comuni.peg.query.smvp.ValutazioneSmvp;
import it.comuni.peg.query.smvp.ValutazioneSmvpService;
import it.comuni.peg.web.comune.GiornoDelPeg;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.util.Map;

/**
 * The nucleo's view: the grado di raggiungimento of every objective of the PEG, and for one
 * objective the trace behind its score, computed by the same service as GET .../valutazione; the
 * acts of the cycle (method, monitoraggi, valutazioni finali) and the forms that record them, which
 * send the API's commands through the same gateway (CicloValutazione's rules and authorization).
 */
@Controller
public class ValutazionePaginaController {

    private final ValutazioneService servizio;
    private final ValutazioneSmvpService smvp;
    private final CicloAlIstante cicli;
    private final SceltaPeg sceltaPeg;
    private final LetturaScheda lettura;
    private final Disponibilita disponibilita;
    private final Invio invio;
    private final Clock clock;
    private final Perimetro perimetro;

    /** Who sees the nucleo's pages in an ente: the nucleo, and the controllo di gestione (which may set the method). */
    private static final Set<Ruolo> NUCLEO_E_CONTROLLO = EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE);

    public ValutazionePaginaController(ValutazioneService servizio, ValutazioneSmvpService smvp, CicloAlIstante cicli, SceltaPeg sceltaPeg,
                                       LetturaScheda lettura, Disponibilita disponibilita, Invio invio, Clock clock,
                                       Perimetro perimetro) {
        this.perimetro = perimetro;
        this.servizio = servizio;
        this.smvp = smvp;
        this.cicli = cicli;
        this.sceltaPeg = sceltaPeg;
        this.lettura = lettura;
        this.disponibilita = disponibilita;
        this.invio = invio;
        this.clock = clock;
    }

    @GetMapping("/valutazione")
    String peg(@RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno,
               @RequestParam(required = false) String asOf, Model model) {
        return paginaPeg(ente, anno, lettura.istante(asOf, "asOf"), null, model);
    }

    @PostMapping("/valutazione/monitoraggi")
    String chiudiMonitoraggio(@RequestParam String ente, @RequestParam int anno, @RequestParam Map<String, String> p,
                              Model model, HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        Invio.Esito inviato = invio.invia(AttiNucleo.monitoraggio(), p, v -> new ChiudiMonitoraggio(
                CicloValutazioneId.di(ente, anno), ente, anno, Campi.dataRichiesta(v, "data"), Campi.testo(v, "note")));
        return dopoPeg(ente, anno, inviato, "Monitoraggio chiuso", model, richiesta, risposta, redirect);
    }

    @PostMapping("/valutazione/metodo")
    String impostaMetodo(@RequestParam String ente, @RequestParam int anno, @RequestParam Map<String, String> p,
                         Model model, HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        Invio.Esito inviato = invio.invia(AttiNucleo.metodo(), p, v -> new ImpostaMetodoValutazione(
                CicloValutazioneId.di(ente, anno), ente, anno,
                new ParametriValutazione(Campi.decimale(v, "penalitaMeseRitardo"), Campi.decimale(v, "fattoreNonCompletata"),
                        Campi.intero(v, "tolleranzaGiorni")),
                new Motivazione(Campi.testo(v, "motivazione"))));
        return dopoPeg(ente, anno, inviato, "Metodo di valutazione impostato", model, richiesta, risposta, redirect);
    }

    @GetMapping("/valutazione/obiettivi/{id}")
    String obiettivo(@PathVariable ObiettivoId id, @RequestParam(required = false) String asOf, Model model) {
        return paginaObiettivo(id, lettura.istante(asOf, "asOf"), null, model);
    }

    @PostMapping("/valutazione/obiettivi/{id}/finale")
    String registraValutazione(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                               HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        var scheda = lettura.leggi(id.valore(), null);
        Invio.Esito inviato = invio.invia(AttiNucleo.finale(), p, v -> new RegistraValutazione(
                CicloValutazioneId.di(scheda.ente(), scheda.anno()), scheda.ente(), scheda.anno(), id,
                Campi.dataRichiesta(v, "al"), valutazioneIndicatori(v), new Motivazione(Campi.testo(v, "motivazione"))));
        if (!inviato.accettato()) {
            Invio.statoRifiuto(richiesta, risposta, inviato);
            return paginaObiettivo(id, null, inviato.rifiutato(), model);
        }
        redirect.addFlashAttribute("esito", "Valutazione finale registrata");
        return "redirect:/valutazione/obiettivi/" + id.valore();
    }

    private String dopoPeg(String ente, int anno, Invio.Esito inviato, String esito, Model model,
                           HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        if (!inviato.accettato()) {
            Invio.statoRifiuto(richiesta, risposta, inviato);
            return paginaPeg(ente, anno, null, inviato.rifiutato(), model);
        }
        redirect.addFlashAttribute("esito", esito);
        return "redirect:" + UriComponentsBuilder.fromPath("/valutazione").queryParam("ente", ente).queryParam("anno", anno)
                .encode().toUriString() + "#atti";
    }

    private String paginaPeg(String ente, Integer anno, Instant istante, Modulo inviato, Model model) {
        PegScelto peg = sceltaPeg.scegli(ente, anno);
        model.addAttribute("peg", peg);
        if (peg.vuoto()) {
            return "peg/vuoto";
        }
        perimetro.richiedi(peg.ente(), NUCLEO_E_CONTROLLO);
        Utente.nellEnte(model, peg.ente());
        disponibilita.richiedi(Proiezioni.SCHEDA);
        Instant quando = istante == null ? clock.instant() : istante;
        LocalDate oggi = Istanti.giornoDi(clock.instant());
        // the day scored: the one asked for, else today, or the end of a past year (GiornoDelPeg)
        LocalDate giorno = GiornoDelPeg.mostrato(peg.anno(), istante, clock.instant());
        model.addAttribute("istante", istante);
        model.addAttribute("giorno", giorno);
        model.addAttribute("fineAnno", istante == null && GiornoDelPeg.fineAnno(peg.anno(), oggi));
        CicloNoto ciclo = cicli.ciclo(peg.ente(), peg.anno(), quando);
        model.addAttribute("ciclo", ciclo);
        Optional<CicloNoto.VersioneSmvp> metodo = ciclo.smvpAl(giorno);
        model.addAttribute("metodo", metodo.orElse(null));
        model.addAttribute("versioni", ciclo.smvp());
        model.addAttribute("differenze", MetodoInVigore.differenze(ciclo.smvp()));
        if (metodo.isPresent()) {
            List<Scheda> schede = servizio.schede(peg.ente(), peg.anno(), quando, istante == null).stream()
                    .map(s -> StatoAlGiorno.applica(s, giorno)).toList();
            model.addAttribute("vista", VistaPeg.di(smvp.peg(peg.ente(), peg.anno(), giorno, quando, istante == null), schede));
        }
        model.addAttribute("moduloMonitoraggio", inviato != null && inviato.getNome().equals(AttiNucleo.MONITORAGGIO)
                ? inviato : AttiNucleo.monitoraggio());
        model.addAttribute("moduloMetodo", inviato != null && inviato.getNome().equals(AttiNucleo.METODO)
                ? inviato : AttiNucleo.metodo(ciclo.parametri()));
        return "valutazione/peg";
    }

    private String paginaObiettivo(ObiettivoId id, Instant istante, Modulo inviato, Model model) {
        Instant quando = istante == null ? clock.instant() : istante;
        Scheda scheda = lettura.leggi(id.valore(), istante);
        // every reader of the ente sees how an objective is scored (the API's rule); the nucleo records the final one
        perimetro.lettore(scheda.ente());
        Utente.nellEnte(model, scheda.ente());
        LocalDate giorno = scheda.statoAl() != null ? scheda.statoAl() : Istanti.giornoDi(quando);
        CicloNoto ciclo = cicli.ciclo(scheda.ente(), scheda.anno(), quando);
        model.addAttribute("istante", istante);
        model.addAttribute("scheda", scheda);
        model.addAttribute("giorno", giorno);
        model.addAttribute("metodo", ciclo.smvpAl(giorno).orElse(null));
        if (ciclo.smvpAl(giorno).isPresent()) {
            ValutazioneSmvp v = smvp.obiettivo(id.valore(), giorno, quando, istante == null);
            model.addAttribute("v", v);
            model.addAttribute("o", v.esito().obiettivo(id.valore()));
        }
        model.addAttribute("atti", AttiDellObiettivo.di(scheda));
        model.addAttribute("finale", ciclo.finali().get(id.valore()));
        model.addAttribute("moduloFinale", inviato != null ? inviato : AttiNucleo.finale());
        return "valutazione/obiettivo";
    }

    /** The nucleo's own assessment of the indicators is optional, a percentage when given. */
    private static Percentuale valutazioneIndicatori(Map<String, String> v) {
        return Campi.testo(v, "valutazioneIndicatori") == null ? null
                : Campi.nelCampo("valutazioneIndicatori", () -> new Percentuale(Campi.intero(v, "valutazioneIndicatori")));
    }
}
