package it.comuni.peg.query.pubblicazione;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.platform.web.NomeFile;
import it.comuni.peg.api.csv.Csv;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.scheda.FiltroPeg;
import it.comuni.peg.query.scheda.SchedaQueries;
import it.comuni.peg.query.valutazione.RiepilogoPeg;
import it.comuni.peg.query.valutazione.ValutazioneService;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.scheda.SchedaController;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The PEG and its evaluation as CSV: the PEG in the import format (round trip, and the template to
 * fill), the evaluation per objective, per settore and ufficio, per person, for publication in
 * Amministrazione Trasparente. Every file opens in an Italian spreadsheet as it is: UTF-8 with BOM,
 * ';' between fields, decimal comma, dates dd/mm/yyyy.
 */
@RestController
@Tag(name = "CSV", description = "PEG e valutazione in CSV: modello, esportazione, pubblicazione")
public class EsportazioneCsvController {

    private static final String AL = "Data di riferimento AAAA-MM-GG (predefinita: oggi)";
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SchedaQueries schede;
    private final ValutazioneService valutazioni;
    private final Disponibilita disponibilita;
    private final Clock clock;
    private final Perimetro perimetro;

    public EsportazioneCsvController(SchedaQueries schede, ValutazioneService valutazioni, Disponibilita disponibilita, Clock clock,
                                     Perimetro perimetro) {
        this.perimetro = perimetro;
        this.schede = schede;
        this.valutazioni = valutazioni;
        this.disponibilita = disponibilita;
        this.clock = clock;
    }

    @GetMapping("/api/peg/csv/modello")
    @Operation(summary = "Il modello CSV del PEG da compilare in un foglio di calcolo: intestazione e un obiettivo d'esempio")
    public ResponseEntity<byte[]> modello() {
        return csv("peg-modello.csv", PegCsv.modello(LocalDate.now(clock).getYear()));
    }

    @GetMapping("/api/peg/{anno}/csv")
    @Operation(summary = "Il PEG di un ente e anno nel formato CSV di importazione: reimportato altrove dà lo stesso PEG")
    public ResponseEntity<byte[]> peg(@PathVariable int anno, @Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente) {
        ente = perimetro.ente(ente);
        disponibilita.richiedi(Proiezioni.SCHEDA);
        FiltroPeg filtro = new FiltroPeg(ente.strip(), anno, null, null, null, null, null);
        return csv(nomeFile("peg", anno, ente, ""), PegCsv.scrivi(anno, schede.peg(filtro, LocalDate.now(clock))));
    }

    @GetMapping("/api/peg/{anno}/valutazione.csv")
    @Operation(summary = "La valutazione di ogni obiettivo del PEG, per la pubblicazione")
    public ResponseEntity<byte[]> valutazioneObiettivi(@PathVariable int anno, @Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                                       @Parameter(description = AL) @RequestParam(required = false) String al) {
        ente = perimetro.ente(ente);
        disponibilita.richiedi(Proiezioni.SCHEDA);
        Instant adesso = clock.instant();
        return csv(nomeFile("valutazione", anno, ente, ""), ValutazioneCsv.obiettivi(
                valutazioni.obiettivi(ente.strip(), anno, giorno(al), adesso)));
    }

    @GetMapping("/api/peg/{anno}/valutazione/settori.csv")
    @Operation(summary = "La valutazione del PEG per settore e per ufficio: media, minimo, massimo, per la pubblicazione")
    public ResponseEntity<byte[]> valutazioneSettori(@PathVariable int anno, @Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                                     @Parameter(description = AL) @RequestParam(required = false) String al) {
        ente = perimetro.ente(ente);
        disponibilita.richiedi(Proiezioni.SCHEDA);
        Instant adesso = clock.instant();
        RiepilogoPeg riepilogo = valutazioni.peg(ente.strip(), anno, giorno(al), adesso, true);
        FiltroPeg filtro = new FiltroPeg(ente.strip(), anno, null, null, null, null, null);
        return csv(nomeFile("valutazione", anno, ente, "-settori"), ValutazioneCsv.settori(riepilogo,
                schede.peg(filtro, Istanti.giornoDi(adesso))));
    }

    @GetMapping("/api/peg/{anno}/valutazione/persone.csv")
    @Operation(summary = "La base della valutazione individuale di ogni persona assegnata al PEG, per la pubblicazione")
    public ResponseEntity<byte[]> valutazionePersone(@PathVariable int anno, @Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                                     @Parameter(description = AL) @RequestParam(required = false) String al) {
        ente = perimetro.ente(ente);
        disponibilita.richiedi(Proiezioni.SCHEDA);
        return csv(nomeFile("valutazione", anno, ente, "-persone"), ValutazioneCsv.persone(
                valutazioni.persone(ente.strip(), anno, giorno(al), clock.instant())));
    }

    private static LocalDate giorno(String al) {
        return al == null || al.isBlank() ? null : Istanti.giorno(al, "al");
    }

    /**
     * The download of CSV rows as {@code text/csv; charset=UTF-8}, an attachment named {@code nomeFile}.
     * BOM first: without it Excel reads UTF-8 as Windows-1252 and the accents break.
     */
    public static ResponseEntity<byte[]> csv(String nomeFile, List<String> righe) {
        StringBuilder testo = new StringBuilder(Csv.BOM);
        righe.forEach(testo::append);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nomeFile, StandardCharsets.UTF_8).build().toString())
                .body(testo.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The name of an export: {@code valutazione-2023-c_b648-settori.csv} ({@link NomeFile}); {@code suffisso} may be empty. */
    public static String nomeFile(String cosa, int anno, String ente, String suffisso) {
        return NomeFile.di("csv", cosa, anno, ente, suffisso);
    }
}
