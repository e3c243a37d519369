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
import java.util.EnumSet;
import java.util.Set;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Verifica che la storia non sia stata riscritta")
public class AuditController {

    private static final Set<Ruolo> VERIFICANO = EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE);

    private final VerificaCatena verifica;
    private final Perimetro perimetro;

    public AuditController(VerificaCatena verifica, Perimetro perimetro) {
        this.verifica = verifica;
        this.perimetro = perimetro;
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
        if (ente == null && perimetro.identita().amministratore()) {
            return verifica.verifica();
        }
        perimetro.richiedi(perimetro.ente(ente), VERIFICANO);
        return verifica.verifica().senzaDettagliDegliAggregati();
    }
}
