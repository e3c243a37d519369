package it.comuni.peg.benchmark;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.command.web.Esito;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;

/**
 * The floor of the HTTP stack: {@code POST /api/banco/vuoto/{id}/fasi/{n}/consuntivi} does what the
 * framework does for {@code POST /api/obiettivi/{id}/fasi/{n}/consuntivi} (RegistraConsuntivo) and
 * nothing else: the same servlet filters, the same security filter chain (a POST under
 * {@code /api/**}, so the same JWT check and the same rule: authenticated), the same path variables,
 * JSON body read into value types and validated, the same shape of answer (200,
 * {@code {"id":..,"versione":0}} and an ETag). It sends no command and touches no database, so the
 * command's CPU above this one's is the cost of the command path itself, the user's accessi and the
 * organigramma's incarichi it reads included.
 *
 * <p>Exists only in the benchmark's application: the product's jar does not hold this module, and
 * {@code PegApplication}'s component scan (package {@code it.comuni.peg}) finds it here.
 */
@RestController
@RequestMapping(ComandoVuoto.PERCORSO)
public class ComandoVuoto {

    /** The floor's prefix, in place of {@code /api/obiettivi}: still under the API's {@code /api/**} rules. */
    public static final String PERCORSO = "/api/banco/vuoto";

    /** As the command's body (same fields, same value types, same limits), read and dropped. */
    record Consuntivo(
            @NotNull YearMonth mese,
            @NotNull Boolean svolta,
            @NotNull Percentuale percentuale,
            @Size(max = 10_000) String note,
            @Size(max = 1000) String atto) {
    }

    /** Answers in the command's shape; version 0, since nothing was appended. */
    @PostMapping("/{id}/fasi/{numero}/consuntivi")
    public ResponseEntity<Esito> consuntivo(@PathVariable ObiettivoId id, @PathVariable int numero,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody Consuntivo corpo) {
        return ResponseEntity.ok().eTag("\"0\"").body(new Esito(id.valore(), 0));
    }
}
