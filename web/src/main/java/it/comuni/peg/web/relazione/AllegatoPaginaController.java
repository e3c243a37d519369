package it.comuni.peg.web.relazione;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The annex downloaded from the nucleo's valutazione page (signed-in session); a refusal answers as a page. */
@Controller
public class AllegatoPaginaController {

    private final AllegatoFile file;

    public AllegatoPaginaController(AllegatoFile file) {
        this.file = file;
    }

    @GetMapping("/valutazione/relazione/allegato")
    ResponseEntity<byte[]> allegato(@RequestParam(required = false) String ente, @RequestParam int anno,
                                    @RequestParam(required = false) String al, @RequestParam(required = false) String formato) {
        return file.scarica(ente, anno, al, formato);
    }
}
