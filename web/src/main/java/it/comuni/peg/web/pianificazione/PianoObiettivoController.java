package it.comuni.peg.web.pianificazione;

import java.util.List;
import java.util.EnumSet;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.web.comune.Utente;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.indicatore.DefinisciIndicatore;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.obiettivo.ModificaObiettivo;
import it.comuni.peg.api.persona.AssegnaPersona;
import it.comuni.peg.api.persona.TerminaAssegnazione;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.comune.Campi;
import it.comuni.peg.web.comune.Invio;
import it.comuni.peg.web.comune.Modulo;
import it.comuni.peg.web.scheda.Cronoprogramma;
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

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * The controllo di gestione defines and edits the plan of an objective: the objective itself, its
 * phases with their cronoprogramma, its indicators and its staff. Each form sends the API's command
 * through the same gateway (so the aggregate's rules and authorization apply); a refusal comes back
 * with the API's message at its field. Only that role reaches /controllo (SicurezzaWebConfig).
 */
@Controller
public class PianoObiettivoController {

    private final LetturaScheda lettura;
    private final Invio invio;
    private final Clock clock;

    private final Perimetro perimetro;

    public PianoObiettivoController(LetturaScheda lettura, Invio invio, Clock clock, Perimetro perimetro) {
        this.perimetro = perimetro;
        this.lettura = lettura;
        this.invio = invio;
        this.clock = clock;
    }

    @GetMapping("/controllo/obiettivi/nuovo")
    String nuovo(@RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno, Model model) {
        List<String> enti = perimetro.entiCon(EnumSet.of(Ruolo.CONTROLLO_GESTIONE));
        model.addAttribute("entiControllo", enti);
        model.addAttribute("modulo", ModuliPiano.definisci()
                .valore("ente", ente == null || !enti.contains(ente) ? enti.get(0) : ente)
                .valore("anno", String.valueOf(anno == null ? java.time.Year.now(clock).getValue() : anno))
                .valore("pesoIndicatori", "50").valore("pesoFasi", "50"));
        return "pianificazione/nuovo";
    }

    @PostMapping("/controllo/obiettivi")
    String definisci(@RequestParam Map<String, String> p, Model model, HttpServletRequest richiesta,
                     HttpServletResponse risposta, RedirectAttributes redirect) {
        ObiettivoId id = ObiettivoId.nuovo();
        Invio.Esito inviato = invio.invia(ModuliPiano.definisci(), p, v -> new DefinisciObiettivo(id,
                Campi.richiesto(v, "ente"), Campi.intero(v, "anno"), Campi.richiesto(v, "titolo"), Campi.testo(v, "descrizione"),
                settore(v), ufficio(v), Campi.peso(v, "pesoIndicatori"), Campi.peso(v, "pesoFasi"),
                dup(v, "dupStrategico"), dup(v, "dupOperativo")));
        if (!inviato.accettato()) {
            Invio.statoRifiuto(richiesta, risposta, inviato);
            model.addAttribute("modulo", inviato.rifiutato());
            return "pianificazione/nuovo";
        }
        return dopo(id, 0, "Obiettivo definito: ora se ne pianificano fasi, indicatori e persone", redirect);
    }

    @GetMapping("/controllo/obiettivi/{id}")
    String piano(@PathVariable ObiettivoId id, Model model) {
        return pagina(id, null, model);
    }

    @PostMapping("/controllo/obiettivi/{id}/modifiche")
    String modifica(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                    HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, new Modulo(ModuliPiano.MODIFICA, ModuliPiano.CAMPI_MODIFICA), p, model, richiesta, risposta, redirect,
                "Obiettivo modificato", v -> new ModificaObiettivo(id, Campi.testo(v, "descrizione"),
                        Campi.peso(v, "pesoIndicatori"), Campi.peso(v, "pesoFasi"), dup(v, "dupStrategico"), dup(v, "dupOperativo"),
                        Campi.nelCampo("motivazione", () -> new Motivazione(Campi.testo(v, "motivazione")))));
    }

    @PostMapping("/controllo/obiettivi/{id}/fasi")
    String pianificaFase(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                         HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        int anno = lettura.leggi(id.valore(), null).anno();
        return esegui(id, ModuliPiano.fase(anno), p, model, richiesta, risposta, redirect, "Fase pianificata",
                v -> new PianificaFase(id, Campi.intero(v, "numero"), Campi.richiesto(v, "titolo"), Campi.testo(v, "descrizione"),
                        Campi.data(v, "inizio"), Campi.data(v, "fine"), Campi.mesiSpuntati(v, ModuliPiano.PREVISTO)));
    }

    @PostMapping("/controllo/obiettivi/{id}/indicatori")
    String definisciIndicatore(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                               HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, new Modulo(ModuliPiano.INDICATORE, ModuliPiano.CAMPI_INDICATORE), p, model, richiesta, risposta, redirect,
                "Indicatore definito", v -> new DefinisciIndicatore(id, Campi.richiesto(v, "codice"), Campi.richiesto(v, "nome"),
                        Campi.testo(v, "unita"), Campi.decimale(v, "valoreAtteso"), direzione(v), Campi.peso(v, "peso")));
    }

    @PostMapping("/controllo/obiettivi/{id}/persone")
    String assegna(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                   HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, new Modulo(ModuliPiano.PERSONA, ModuliPiano.CAMPI_PERSONA), p, model, richiesta, risposta, redirect,
                "Persona assegnata", v -> new AssegnaPersona(id, Campi.richiesto(v, "nome"), Campi.testo(v, "categoria"),
                        Campi.testo(v, "ruolo"), Campi.dataRichiesta(v, "inizio"), Campi.dataRichiesta(v, "fine")));
    }

    @PostMapping("/controllo/obiettivi/{id}/persone/termine")
    String termina(@PathVariable ObiettivoId id, @RequestParam Map<String, String> p, Model model,
                   HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect) {
        return esegui(id, new Modulo(ModuliPiano.TERMINE, ModuliPiano.CAMPI_TERMINE), p, model, richiesta, risposta, redirect,
                "Assegnazione terminata", v -> new TerminaAssegnazione(id, Campi.richiesto(v, "nome"), Campi.dataRichiesta(v, "fine")));
    }

    private String esegui(ObiettivoId id, Modulo modulo, Map<String, String> parametri, Model model,
                          HttpServletRequest richiesta, HttpServletResponse risposta, RedirectAttributes redirect,
                          String esito, Function<Map<String, String>, Object> comando) {
        Invio.Esito inviato = invio.invia(modulo, parametri, comando);
        if (!inviato.accettato()) {
            Invio.statoRifiuto(richiesta, risposta, inviato);
            return pagina(id, inviato.rifiutato(), model);
        }
        return dopo(id, inviato.versione(), esito, redirect);
    }

    /** Read your own write: the page that follows reads the projection, which trails the event store. */
    private String dopo(ObiettivoId id, long versione, String esito, RedirectAttributes redirect) {
        lettura.attendiVersione(id.valore(), versione);
        redirect.addFlashAttribute("esito", esito);
        return "redirect:/controllo/obiettivi/" + id.valore();
    }

    private String pagina(ObiettivoId id, Modulo inviato, Model model) {
        Scheda scheda = lettura.leggi(id.valore(), null);
        perimetro.richiedi(scheda.ente(), EnumSet.of(Ruolo.CONTROLLO_GESTIONE));
        model.addAttribute("scheda", scheda);
        Utente.nellEnte(model, scheda.ente());
        model.addAttribute("griglia", Cronoprogramma.di(scheda));
        model.addAttribute("mesiFase", ModuliPiano.griglia(scheda.anno()));
        model.addAttribute("direzioni", ModuliPiano.DIREZIONI);
        model.addAttribute("moduli", ModuliPiano.moduli(scheda, inviato));
        model.addAttribute("moduloAperto", inviato == null ? null : inviato.getNome());
        return "pianificazione/piano";
    }

    private static Settore settore(Map<String, String> v) {
        String codice = Campi.richiesto(v, "settoreCodice");
        return Campi.nelCampo("settoreCodice", () -> new Settore(codice, Campi.testo(v, "settoreNome"),
                Campi.testo(v, "settoreResponsabile")));
    }

    private static Ufficio ufficio(Map<String, String> v) {
        String codice = Campi.testo(v, "ufficioCodice");
        return codice == null ? null : Campi.nelCampo("ufficioCodice", () -> new Ufficio(codice,
                Campi.testo(v, "ufficioNome"), Campi.testo(v, "ufficioResponsabile")));
    }

    /** A DUP link is optional: no code, no link. */
    private static RiferimentoDup dup(Map<String, String> v, String prefisso) {
        String codice = Campi.testo(v, prefisso + "Codice");
        return codice == null ? null : Campi.nelCampo(prefisso + "Codice",
                () -> new RiferimentoDup(codice, Campi.testo(v, prefisso + "Titolo")));
    }

    private static Direzione direzione(Map<String, String> v) {
        String d = Campi.richiesto(v, "direzione");
        return Arrays.stream(Direzione.values()).filter(x -> x.name().equals(d)).findFirst()
                .orElseThrow(() -> new ValoreNonValido("direzione", "Direzione non valida: '" + d + "'"));
    }
}
