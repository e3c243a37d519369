package it.comuni.peg.web.controllo;

import it.comuni.peg.command.importazione.EsitoImportazione;
import it.comuni.peg.command.importazione.ImportatoreStampa;
import it.comuni.peg.command.importazione.stampa.StampaNonLeggibile;
import it.comuni.peg.web.comune.Modulo;
import it.comuni.peg.web.comune.Rifiuto;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The controllo di gestione's desk: the import of the print of the PEG, with its report (the same
 * importer and the same report as POST /api/import). Only that role reaches it (SicurezzaWebConfig),
 * and the commands it sends carry the user's identity like any other.
 */
@Controller
public class ControlloController {

    private static final Set<String> CAMPI = Set.of("ente", "anno", "file");

    private final ImportatoreStampa importatore;

    public ControlloController(ImportatoreStampa importatore) {
        this.importatore = importatore;
    }

    @GetMapping("/controllo")
    String pagina(Model model) {
        model.addAttribute("modulo", new Modulo("importa", CAMPI).valore("ente", "Comune di Capannori"));
        return "controllo/importa";
    }

    @PostMapping("/controllo/importazioni")
    String importa(@RequestParam(required = false) String ente, @RequestParam(required = false) String anno,
                   @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                   HttpServletResponse risposta) throws IOException {
        Modulo modulo = new Modulo("importa", CAMPI).con(Map.of("ente", ente == null ? "" : ente, "anno", anno == null ? "" : anno));
        model.addAttribute("modulo", modulo);
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
            rifiuto = Rifiuto.campo("file", "Manca il file della stampa", CAMPI);
        }
        if (rifiuto == null) {
            try {
                EsitoImportazione esito = importatore.importa(file.getBytes(), ente.strip(), annoLetto);
                model.addAttribute("esito", esito);
                model.addAttribute("nomeFile", file.getOriginalFilename());
                return "controllo/importa";
            } catch (StampaNonLeggibile e) {
                rifiuto = Rifiuto.campo("file", e.getMessage(), CAMPI);
            } catch (RuntimeException e) {
                rifiuto = Rifiuto.di(e, CAMPI).orElseThrow(() -> e);
            }
        }
        modulo.rifiutato(rifiuto);
        risposta.setStatus(422);
        return "controllo/importa";
    }
}
