package it.comuni.peg.command.importazione;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.csv.CsvNonValido;
import it.comuni.peg.command.importazione.stampa.StampaNonLeggibile;
import it.comuni.peg.platform.transazioni.LimiteTransazioni;
import it.comuni.peg.platform.web.ProblemHandler;
import it.comuni.peg.platform.web.Problemi;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.sql.SQLTimeoutException;
import java.util.EnumSet;
import java.util.List;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.platform.sicurezza.Ruolo;

/**
 * Import of a "Stampa Obiettivi PEG" converted to text, or of a PEG in CSV, into one ente (codice IPA):
 * the controllo di gestione of that ente only (another ente's code answers 404, as if it did not exist).
 */
@RestController
@RequestMapping("/api/import")
@Tag(name = "Importazione", description = "Importazione della stampa degli obiettivi PEG")
public class ImportazioneController {

    private final ImportatoreStampa importatore;
    private final ImportatoreCsv importatoreCsv;
    private final LimiteTransazioni limite;
    private final Perimetro perimetro;

    public ImportazioneController(ImportatoreStampa importatore, ImportatoreCsv importatoreCsv, LimiteTransazioni limite,
                                  Perimetro perimetro) {
        this.perimetro = perimetro;
        this.importatore = importatore;
        this.importatoreCsv = importatoreCsv;
        this.limite = limite;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Importa la stampa degli obiettivi PEG di un ente per un anno (multipart, parte 'file')")
    public EsitoImportazione importa(@RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno,
                                     @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        ente = richiedi(ente, anno, file);
        return importatore.importa(file.getBytes(), ente, anno);
    }

    @PostMapping(path = "/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Importa il PEG di un ente per un anno dal formato CSV (multipart, parte 'file'; modello in GET /api/peg/csv/modello)")
    public EsitoImportazione importaCsv(@RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno,
                                        @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        ente = richiedi(ente, anno, file);
        return importatoreCsv.importa(file.getBytes(), ente, anno);
    }

    /** The ente (codice IPA) the import goes into, checked: the named one, or the user's only one. */
    private String richiedi(String ente, Integer anno, MultipartFile file) {
        String codice = perimetro.ente(ente);
        perimetro.richiedi(codice, EnumSet.of(Ruolo.CONTROLLO_GESTIONE));
        if (anno == null) {
            throw new ValoreNonValido("anno", "Manca l'anno (parametro 'anno')");
        }
        if (file == null) {
            throw new ValoreNonValido("file", "Manca il file: inviarlo come multipart/form-data nella parte 'file'");
        }
        return codice;
    }

    /**
     * An objective whose transaction ran out of its time (peg.transazioni.durata-massima: the
     * database is slow): that objective is rolled back whole and the import stops there, while the
     * objectives before it, each committed in its own transaction, stay. A 503 with Retry-After:
     * sending the same file again imports the rest, skipping those already imported.
     */
    @ExceptionHandler({TransactionTimedOutException.class, QueryTimeoutException.class,
            jakarta.persistence.QueryTimeoutException.class, SQLTimeoutException.class})
    ResponseEntity<ProblemDetail> transazioneScaduta(Exception e) {
        ProblemDetail problema = Problemi.transazioneScaduta(limite.durataMassima());
        problema.setDetail("Importazione interrotta: l'archivio è troppo lento in questo momento e un obiettivo non si è"
                + " registrato entro il tempo massimo di " + limite.durataMassima().toSeconds() + " secondi; di quell'obiettivo"
                + " nulla è stato registrato, gli obiettivi precedenti restano importati. Reinviare lo stesso file tra poco"
                + " importa i restanti (quelli già presenti sono saltati)");
        return ProblemHandler.nonDisponibile(e, problema);
    }

    /** The file is no print: a 400 naming the line where that shows, nothing imported. */
    @ExceptionHandler(StampaNonLeggibile.class)
    ProblemDetail stampaNonLeggibile(StampaNonLeggibile e) {
        ProblemDetail problema = Problemi.inputNonValido(e.getMessage(), List.of(new Problemi.ErroreCampo("file", e.getMessage())));
        problema.setProperty("riga", e.riga());
        return problema;
    }

    /** The file is no CSV at all (empty, binary, no header, a quote never closed): 400 with the line. */
    @ExceptionHandler(CsvNonValido.class)
    ProblemDetail csvNonValido(CsvNonValido e) {
        ProblemDetail problema = Problemi.inputNonValido(e.getMessage(), List.of(new Problemi.ErroreCampo("file", e.getMessage())));
        problema.setProperty("riga", e.riga());
        return problema;
    }
}
