package it.comuni.peg.relazione;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.web.relazione.AllegatoFile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annex of the Relazione sulla performance over the API. It lives outside {@code it.comuni.peg.web}
 * because the pages' advice there (PagineErrore) answers failures as HTML pages: here a bad ente, anno, date
 * or format is the API's Italian problem+json.
 */
@RestController
@Tag(name = "Relazione sulla performance", description = "Allegato obiettivi alla Relazione sulla performance, in PDF/A o DOCX")
public class AllegatoRelazioneController {

    private final AllegatoFile file;

    public AllegatoRelazioneController(AllegatoFile file) {
        this.file = file;
    }

    @GetMapping("/api/valutazione/relazione/allegato")
    @Operation(summary = "Allegato obiettivi alla Relazione sulla performance di un ente e anno, alla data: PDF/A-3u o DOCX modificabile")
    public ResponseEntity<byte[]> allegato(
            @Parameter(description = "Codice IPA dell'ente (facoltativo se l'utente opera in un solo ente)") @RequestParam(required = false) String ente,
            @RequestParam int anno,
            @Parameter(description = "Data GG/MM/AAAA o AAAA-MM-GG (predefinita: oggi; i punteggi di un anno concluso sono al 31/12)") @RequestParam(required = false) String al,
            @Parameter(description = "pdf (predefinito) o docx") @RequestParam(required = false) String formato) {
        return file.scarica(ente, anno, al, formato);
    }
}
