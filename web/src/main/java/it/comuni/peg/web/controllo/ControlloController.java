package it.comuni.peg.web.controllo;

import java.util.List;
import java.util.EnumSet;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.api.csv.CsvNonValido;
import it.comuni.peg.command.importazione.EsitoImportazione;
import it.comuni.peg.command.importazione.ImportatoreCsv;
import it.comuni.peg.command.importazione.ImportatoreStampa;
import it.comuni.peg.command.importazione.stampa.StampaNonLeggibile;
import it.comuni.peg.web.comune.Modulo;
import it.comuni.peg.web.comune.Rifiuto;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The controllo di gestione's desk: the import of the print of the PEG and of a PEG in CSV, each
 * with its report (the same importers and the same report as POST /api/import and /api/import/csv),
 * and the way to the definition of a new objective. Only that role reaches it (SicurezzaWebConfig),
 * and the commands the importers send carry the user's identity like any other.
 */
@Controller
public class ControlloController {

    static final String STAMPA = "importa";
    static final String CSV = "importa-csv";
    private static final Set<String> CAMPI = Set.of("ente", "anno", "file");

    /** What a file is, as one importer reads it: the file refused as a whole throws a message for the file field. */
    private interface Importazione {
        EsitoImportazione importa(byte[] contenuto, String ente, int anno);
    }

    private final ImportatoreStampa importatore;
    private final ImportatoreCsv importatoreCsv;

    private final Perimetro perimetro;

    public ControlloController(ImportatoreStampa importatore, ImportatoreCsv importatoreCsv, Perimetro perimetro) {
        this.perimetro = perimetro;
        this.importatore = importatore;
        this.importatoreCsv = importatoreCsv;
    }

    @GetMapping("/controllo")
    String pagina(Model model) {
        return pagina(model, null);
    }

    @PostMapping("/controllo/importazioni")
    String importaStampa(@RequestParam(required = false) String ente, @RequestParam(required = false) String anno,
                         @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                         HttpServletResponse risposta) throws IOException {
        return importa(STAMPA, ente, anno, file, model, risposta, importatore::importa);
    }

    @PostMapping("/controllo/importazioni/csv")
    String importaCsv(@RequestParam(required = false) String ente, @RequestParam(required = false) String anno,
                      @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                      HttpServletResponse risposta) throws IOException {
        return importa(CSV, ente, anno, file, model, risposta, importatoreCsv::importa);
    }

    private String importa(String nome, String ente, String anno, MultipartFile file, Model model,
                           HttpServletResponse risposta, Importazione importazione) throws IOException {
        if (ente != null && !ente.isBlank()) {
            // another ente answers 404, a role other than the controllo di gestione there 403, before anything else
            perimetro.richiedi(ente.strip(), EnumSet.of(Ruolo.CONTROLLO_GESTIONE));
        }
        Modulo modulo = new Modulo(nome, CAMPI).con(Map.of("ente", ente == null ? "" : ente, "anno", anno == null ? "" : anno));
        pagina(model, modulo);
        Rifiuto rifiuto = null;
        Integer annoLetto = null;
        try {
            annoLetto = anno == null || anno.isBlank() ? null : Integer.valueOf(anno.strip());
        } catch (NumberFormatException e) {
            rifiuto = Rifiuto.campo("anno", "L'anno deve essere un numero, ad esempio 2023", CAMPI);
        }
        if (rifiuto == null && (ente == null || ente.isBlank())) {
            rifiuto = Rifiuto.campo("ente", "Manca l'ente", CAMPI);
        } else if (rifiuto == null && annoLetto == null) {
            rifiuto = Rifiuto.campo("anno", "Manca l'anno", CAMPI);
        } else if (rifiuto == null && (file == null || file.isEmpty())) {
            rifiuto = Rifiuto.campo("file", "Manca il file", CAMPI);
        }
        if (rifiuto == null) {
            try {
                model.addAttribute("esito", importazione.importa(file.getBytes(), ente.strip(), annoLetto));
                model.addAttribute("nomeFile", file.getOriginalFilename());
                model.addAttribute("importato", nome);
                return "controllo/importa";
            } catch (StampaNonLeggibile | CsvNonValido e) {
                rifiuto = Rifiuto.campo("file", e.getMessage(), CAMPI);
            } catch (RuntimeException e) {
                rifiuto = Rifiuto.di(e, CAMPI).orElseThrow(() -> e);
            }
        }
        modulo.rifiutato(rifiuto);
        risposta.setStatus(422);
        return "controllo/importa";
    }

    /** Both import forms, empty, with the one just sent (and perhaps refused) in its place. */
    private String pagina(Model model, Modulo inviato) {
        List<String> enti = entiDelControllo();
        model.addAttribute("entiControllo", enti);
        for (String nome : new String[]{STAMPA, CSV}) {
            model.addAttribute(nome.equals(STAMPA) ? "moduloStampa" : "moduloCsv",
                    inviato != null && inviato.getNome().equals(nome) ? inviato
                            : new Modulo(nome, CAMPI).valore("ente", enti.get(0)));
        }
        return "controllo/importa";
    }

    /**
     * The enti where the user is the controllo di gestione, by code.
     *
     * @throws it.comuni.peg.api.comune.AccessoNegato when there is none: the import pages are that role's alone
     */
    private List<String> entiDelControllo() {
        return perimetro.entiCon(EnumSet.of(Ruolo.CONTROLLO_GESTIONE));
    }
}
