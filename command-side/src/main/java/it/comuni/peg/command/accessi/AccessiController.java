package it.comuni.peg.command.accessi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Identita;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.platform.sicurezza.Ruolo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;

/**
 * Who may do what in an ente: the table {@code accesso}, kept by the ente's controllo di gestione
 * (or the installation's administrator). A user has one role per ente and may be a persona of its
 * organigramma (matricola or codice fiscale, which must exist there). Another ente answers 404.
 * A grant or revocation takes effect on this process at once (see {@link AccessiUtenti}).
 */
@RestController
@Tag(name = "Accessi", description = "Chi opera in quale ente, con quale ruolo e come quale persona")
public class AccessiController {

    private final AccessiUtenti accessi;
    private final Perimetro perimetro;
    private final Organigrammi organigrammi;

    public AccessiController(AccessiUtenti accessi, Perimetro perimetro, Organigrammi organigrammi) {
        this.accessi = accessi;
        this.perimetro = perimetro;
        this.organigrammi = organigrammi;
    }

    /** The body of a grant: the role in the ente and, optionally, the persona of its organigramma. */
    public record Concessione(@NotNull(message = "Campo obbligatorio") Ruolo ruolo, String persona) {
    }

    @GetMapping("/api/enti/{ente}/accessi")
    @Operation(summary = "Gli utenti che operano nell'ente, con ruolo e persona")
    public List<AccessiUtenti.AccessoUtente> elenco(@PathVariable String ente) {
        return accessi.nell(amministrabile(ente));
    }

    @PutMapping("/api/enti/{ente}/accessi/{utente}")
    @Operation(summary = "Concede (o cambia) il ruolo di un utente nell'ente e la persona dell'organigramma che è")
    public AccessiUtenti.AccessoUtente concedi(@PathVariable String ente, @PathVariable String utente,
                                               @Valid @RequestBody Concessione concessione) {
        String codice = amministrabile(ente);
        if (!concessione.ruolo().diEnte()) {
            throw new ValoreNonValido("ruolo", "Il ruolo " + concessione.ruolo().descrizione()
                    + " è dell'installazione, non si concede in un ente");
        }
        if (utente.isBlank() || utente.length() > 255) {
            throw new ValoreNonValido("utente", "Il nome utente va da 1 a 255 caratteri");
        }
        String persona = concessione.persona() == null || concessione.persona().isBlank() ? null
                : concessione.persona().strip().toUpperCase(java.util.Locale.ROOT);
        if (persona != null && organigrammi.persona(codice, persona).isEmpty()) {
            throw new NonTrovato("Persona " + persona + " non trovata nell'organigramma dell'ente " + codice);
        }
        Accesso accesso = new Accesso(codice, concessione.ruolo(), persona);
        accessi.concedi(utente, accesso, perimetro.identita().utente());
        return accessi.nell(codice).stream().filter(a -> a.utente().equals(utente)).findFirst().orElseThrow();
    }

    @DeleteMapping("/api/enti/{ente}/accessi/{utente}")
    @Operation(summary = "Revoca il ruolo di un utente nell'ente")
    public ResponseEntity<Void> revoca(@PathVariable String ente, @PathVariable String utente) {
        String codice = amministrabile(ente);
        if (!accessi.revoca(utente, codice)) {
            throw new NonTrovato("L'utente " + utente + " non ha accessi nell'ente " + codice);
        }
        return ResponseEntity.noContent().build();
    }

    /** The ente's code, if it exists and the user keeps its accessi (its controllo di gestione, or the administrator). */
    private String amministrabile(String ente) {
        Identita identita = perimetro.identita();
        String codice = ente.strip().toLowerCase(java.util.Locale.ROOT);
        if (!identita.amministratore()) {
            perimetro.richiedi(codice, EnumSet.of(Ruolo.CONTROLLO_GESTIONE));
        }
        return organigrammi.codiceEnte(codice).filter(codice::equals).orElseThrow(() -> Perimetro.enteNonTrovato(codice));
    }
}
