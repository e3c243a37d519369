package it.comuni.peg.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Parameter;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.springframework.web.bind.annotation.RequestParam;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.platform.web.Problemi;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Verifica che la storia non sia stata riscritta")
public class AuditController {

    private static final Set<Ruolo> VERIFICANO = EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE);

    private final VerificaCatena verifica;
    private final Perimetro perimetro;
    private final VerificaRicevute verificaRicevute;
    private final Ricevute ricevute;
    private final Checkpointer checkpointer;
    private final EsportazioneCheckpoint esportazione;

    public AuditController(VerificaCatena verifica, Perimetro perimetro, VerificaRicevute verificaRicevute, Ricevute ricevute,
                           Checkpointer checkpointer, EsportazioneCheckpoint esportazione) {
        this.verifica = verifica;
        this.perimetro = perimetro;
        this.verificaRicevute = verificaRicevute;
        this.ricevute = ricevute;
        this.checkpointer = checkpointer;
        this.esportazione = esportazione;
    }

    /**
     * One chain seals the events of every ente of the installation, so it is verified whole. The nucleo
     * and the controllo di gestione of an ente learn whether it is intact (and so their ente's history
     * with it) and where it first breaks, but not which aggregate of which ente breaks it: only the
     * installation's administrator, who asks without an ente, sees that.
     */
    @GetMapping("/verifica")
    @Operation(summary = "Ricalcola la catena dei sigilli: integra con l'hash di testa, o il primo evento che non corrisponde")
    public EsitoVerifica verifica(@Parameter(description = "Codice IPA dell'ente per cui si verifica; "
            + "facoltativo per chi ha accesso a un solo ente, assente per l'amministratore dell'installazione")
                                  @RequestParam(required = false) String ente) {
        return completo(ente) ? verifica.verifica() : verifica.verifica().senzaDettagliDegliAggregati();
    }

    /**
     * Verifies the store against receipts issued earlier: a JSON receipt or an array of them, as the
     * documents print them. Who may ask, and who is told which aggregate, as for {@code /verifica}.
     * A body that is not receipts is a 400, a receipt whose signature does not verify a 422, no key a 503.
     */
    @PostMapping(path = "/ricevute/verifica", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verifica l'archivio contro una o più ricevute: per ciascuna, se gli eventi fino al suo indice"
            + " portano ancora al suo hash e, se no, il primo evento manomesso")
    public VerificaRicevute.EsitoRicevute verificaRicevute(@Parameter(description = "Codice IPA dell'ente per cui si verifica")
                                                           @RequestParam(required = false) String ente,
                                                           @RequestBody String corpo) {
        boolean completo = completo(ente);
        VerificaRicevute.EsitoRicevute esito = verificaRicevute.verifica(Ricevuta.daJson(corpo));
        return completo ? esito : esito.senzaDettagliDegliAggregati();
    }

    /** A receipt of the store as it is now (a new checkpoint only if the last one does not cover every event). */
    @GetMapping("/ricevute/adesso")
    @Operation(summary = "Ricevuta firmata dello stato attuale dell'archivio")
    public Ricevuta ricevutaAdesso(@RequestParam(required = false) String ente) {
        completo(ente);
        return ricevute.adesso().orElseThrow(() -> new NonTrovato("L'archivio non contiene ancora eventi"));
    }

    /** The checkpoints taken, newest first. */
    @GetMapping("/checkpoint")
    @Operation(summary = "Checkpoint firmati, dal più recente")
    public List<Checkpointer.Checkpoint> checkpoint(@RequestParam(required = false) String ente,
                                                    @RequestParam(defaultValue = "100") int quanti) {
        completo(ente);
        return checkpointer.elenco(Math.max(1, Math.min(quanti, 1000)));
    }

    /** The names of the checkpoint files exported outside the database. */
    @GetMapping("/checkpoint/esportati")
    @Operation(summary = "File dei checkpoint esportati fuori dal database")
    public List<String> esportati(@RequestParam(required = false) String ente) {
        completo(ente);
        return esportazione.elenco();
    }

    /** One exported checkpoint file, as written. */
    @GetMapping(path = "/checkpoint/esportati/{nome}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Un file di checkpoint esportato")
    public ResponseEntity<Resource> esportato(@PathVariable String nome, @RequestParam(required = false) String ente) {
        completo(ente);
        return esportazione.file(nome).map(p -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nome).build().toString())
                        .<Resource>body(new FileSystemResource(p)))
                .orElseThrow(() -> new NonTrovato("Nessun checkpoint esportato " + nome));
    }

    @ExceptionHandler(RicevutaNonAutentica.class)
    ProblemDetail nonAutentica(RicevutaNonAutentica e) {
        return Problemi.problema(HttpStatus.UNPROCESSABLE_CONTENT, "ricevuta-non-autentica", "Ricevuta non autentica", e.getMessage());
    }

    @ExceptionHandler(RicevuteNonDisponibili.class)
    ProblemDetail nonDisponibili(RicevuteNonDisponibili e) {
        return Problemi.problema(HttpStatus.SERVICE_UNAVAILABLE, "ricevute-non-disponibili", "Ricevute non disponibili", e.getMessage());
    }

    /** Whether the caller sees the whole installation (its administrator, asking for no ente); else checks the ente's roles. */
    private boolean completo(String ente) {
        if (ente == null && perimetro.identita().amministratore()) {
            return true;
        }
        perimetro.richiedi(perimetro.ente(ente), VERIFICANO);
        return false;
    }
}
