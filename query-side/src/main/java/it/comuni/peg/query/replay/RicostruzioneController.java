package it.comuni.peg.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.web.Problemi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.comuni.peg.query.proiezione.Proiezioni;

import java.util.List;

/** Projections' status and rebuild: the controllo di gestione (the PEG's administrator) only. */
@RestController
@RequestMapping("/api/admin/proiezioni")
@Tag(name = "Amministrazione", description = "Stato e ricostruzione delle proiezioni")
public class RicostruzioneController {

    private final Ricostruzioni ricostruzioni;

    public RicostruzioneController(Ricostruzioni ricostruzioni) {
        this.ricostruzioni = ricostruzioni;
    }

    @GetMapping
    @Operation(summary = "Per ogni proiezione: posizione (del segmento più lento), testa dello store, ritardo, stallo più lungo, stato di ogni"
            + " segmento, ricostruzione in corso (eventi fatti su totale, eventi al secondo), lettere morte")
    public List<Avanzamento> stato(Authentication utente) {
        richiediAmministratore(utente);
        return ricostruzioni.tutte();
    }

    @PostMapping("/{nome}/ricostruzione")
    @Operation(summary = "Ricostruisce una proiezione dall'event store; fino al termine le sue letture rispondono 503, qui e negli"
            + " altri processi che la elaborano (che si fermano e riprendono da soli); 409 se non rilasciano i loro segmenti in tempo."
            + " modo=PROCESSORI la ricostruisce evento per evento dal suo processore (più lento)")
    public ResponseEntity<Avanzamento> ricostruisci(@PathVariable String nome,
                                                    @RequestParam(defaultValue = "IN_BLOCCO") Ricostruzioni.Modo modo,
                                                    Authentication utente) {
        richiediAmministratore(utente);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ricostruzioni.avvia(List.of(nome), modo).get(0));
    }

    @PostMapping("/ricostruzione")
    @Operation(summary = "Ricostruisce tutte le proiezioni insieme, con una sola lettura dell'event store")
    public ResponseEntity<List<Avanzamento>> ricostruisciTutte(@RequestParam(defaultValue = "IN_BLOCCO") Ricostruzioni.Modo modo,
                                                               Authentication utente) {
        richiediAmministratore(utente);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ricostruzioni.avvia(Proiezioni.TUTTE, modo));
    }

    /**
     * Other processes hold the projection (they did not release its segments in time, or one of them is
     * rebuilding it): a 409 naming them; nothing was changed.
     */
    @ExceptionHandler(RicostruzioneRifiutata.class)
    ResponseEntity<ProblemDetail> rifiutata(RicostruzioneRifiutata e) {
        ProblemDetail problema = Problemi.problema(HttpStatus.CONFLICT, "ricostruzione-rifiutata", "Ricostruzione non avviata",
                e.getMessage());
        problema.setProperty("proiezioni", e.proiezioni());
        problema.setProperty("processi", e.processi());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problema);
    }

    private static void richiediAmministratore(Authentication utente) {
        boolean ammesso = utente != null && utente.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Ruolo.AMMINISTRATORE.autorita()));
        if (!ammesso) {
            throw new AccessDeniedException("Solo l'amministratore dell'installazione può amministrare le proiezioni");
        }
    }
}
