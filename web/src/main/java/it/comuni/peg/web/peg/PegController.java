package it.comuni.peg.web.peg;

import it.comuni.peg.query.organigramma.OrganigrammaQueries;
import java.util.Set;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.scheda.ElencoPeg;
import it.comuni.peg.query.scheda.FiltroPeg;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaQueries;
import it.comuni.peg.query.scheda.Stato;
import it.comuni.peg.query.scheda.StatoAlGiorno;
import it.comuni.peg.web.comune.PegScelto;
import it.comuni.peg.web.comune.SceltaPeg;
import it.comuni.peg.web.comune.Utente;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import it.comuni.peg.query.asof.SchedaAlIstante;
import it.comuni.peg.web.comune.GiornoDelPeg;
import it.comuni.peg.web.scheda.LetturaScheda;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Il mio PEG: a dirigente or a responsabile d'ufficio sees the objectives they report on, with what
 * is due and what is missing; the nucleo and the controllo di gestione see the whole PEG, filtered.
 */
@Controller
public class PegController {

    private final SchedaQueries queries;
    private final SceltaPeg sceltaPeg;
    private final Clock clock;
    private final OrganigrammaQueries organigramma;

    private final String referente;
    private final LetturaScheda lettura;
    private final SchedaAlIstante alIstante;
    private final PunteggiMiei punteggi;

    /**
     * @param referente whom a signed-in person with no role is told to ask ({@code peg.sicurezza.referente}, e.g.
     *                  "Ufficio controllo di gestione, controllo@comune.example.it"); none by default
     */
    public PegController(SchedaQueries queries, SceltaPeg sceltaPeg, Clock clock, OrganigrammaQueries organigramma,
                         LetturaScheda lettura, SchedaAlIstante alIstante, PunteggiMiei punteggi,
                         @org.springframework.beans.factory.annotation.Value("${peg.sicurezza.referente:#{null}}") String referente) {
        this.lettura = lettura;
        this.alIstante = alIstante;
        this.punteggi = punteggi;
        this.referente = referente;
        this.organigramma = organigramma;
        this.queries = queries;
        this.sceltaPeg = sceltaPeg;
        this.clock = clock;
    }

    @GetMapping("/")
    String radice() {
        return "redirect:/peg";
    }

    @GetMapping("/peg")
    String peg(@ModelAttribute("utente") Utente chi,
               @RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno,
               @RequestParam(required = false) String settore, @RequestParam(required = false) Stato stato,
               @RequestParam(required = false) String responsabile, @RequestParam(required = false) String testo,
               @RequestParam(required = false) String asOf, Model model, HttpServletResponse risposta) {
        if (ente == null && chi != null && chi.identita().senzaRuoli()) {
            // signed in at the ente's provider, yet nobody granted a role here: say so and whom to ask (403)
            risposta.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("emittente", chi.identita().provenienza().emittente());
            model.addAttribute("referente", referente);
            return "peg/senza-ruoli";
        }
        PegScelto peg = sceltaPeg.scegli(ente, anno);
        model.addAttribute("peg", peg);
        LocalDate oggi = Istanti.giornoDi(clock.instant());
        model.addAttribute("oggi", oggi);
        if (peg.vuoto()) {
            return "peg/vuoto";
        }
        // the situation of a past year at its end, or as known at the instant asked for ("com'era il")
        Instant istante = lettura.istante(asOf, "asOf");
        LocalDate giorno = GiornoDelPeg.mostrato(peg.anno(), istante, clock.instant());
        model.addAttribute("giorno", giorno);
        model.addAttribute("istante", istante);
        model.addAttribute("fineAnno", istante == null && GiornoDelPeg.fineAnno(peg.anno(), oggi));
        Utente utente = chi == null ? null : chi.in(peg.ente());
        model.addAttribute("utente", utente);
        if (utente != null && utente.haPegPersonale()) {
            // the objectives of the strutture whose incarico the user's persona holds today
            Set<String> strutture = organigramma.struttureDi(peg.ente(), utente.persona(), oggi);
            List<Situazione> mie = queries.peg(new FiltroPeg(peg.ente(), peg.anno(), null, null, null, null, null), giorno)
                    .stream()
                    .filter(s -> strutture.contains(s.settore().codice()) || s.ufficio() != null && strutture.contains(s.ufficio().codice()))
                    .map(s -> StatoAlGiorno.applica(s, giorno))
                    .sorted(ElencoPeg.ORDINE)
                    .map(s -> Situazione.di(s, giorno))
                    .toList();
            model.addAttribute("situazioni", mie);
            model.addAttribute("punteggi", punteggi.di(peg.ente(), peg.anno(), giorno));
            model.addAttribute("nomePersona", organigramma.nomePersona(peg.ente(), utente.persona()).orElse(utente.persona()));
            return "peg/mio";
        }
        // a stato no objective has is refused before this runs (ParametriRichiesta); the filter's "tutti" is empty, null here
        FiltroPeg filtro = new FiltroPeg(peg.ente(), peg.anno(), vuotoNull(settore), null, vuotoNull(responsabile),
                stato, vuotoNull(testo));
        ElencoPeg elenco = ElencoPeg.di(filtro, giorno, istante == null ? queries.peg(filtro, giorno) : alIstante.peg(filtro, istante));
        model.addAttribute("elenco", elenco);
        model.addAttribute("filtro", filtro);
        model.addAttribute("stati", Stato.values());
        model.addAttribute("settori", queries.peg(new FiltroPeg(peg.ente(), peg.anno(), null, null, null, null, null), giorno)
                .stream().map(Scheda::settore).distinct()
                .sorted(java.util.Comparator.comparing(it.comuni.peg.api.comune.Settore::codice)).toList());
        return "peg/elenco";
    }

    private static String vuotoNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
