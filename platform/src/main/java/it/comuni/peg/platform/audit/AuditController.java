package it.comuni.peg.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Verifica che la storia non sia stata riscritta")
public class AuditController {

    private final VerificaCatena verifica;

    public AuditController(VerificaCatena verifica) {
        this.verifica = verifica;
    }

    @GetMapping("/verifica")
    @Operation(summary = "Ricalcola la catena dei sigilli: integra con l'hash di testa, o il primo evento che non corrisponde")
    public EsitoVerifica verifica() {
        return verifica.verifica();
    }
}
