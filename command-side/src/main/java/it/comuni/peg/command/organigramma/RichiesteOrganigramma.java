package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The bodies of the organigramma's command API (dates ISO, {@code 2024-07-01}). The ente and the
 * struttura, persona or incarico being changed come from the path; the user from the security
 * context. The command, when built, normalises codes and refuses texts beyond their limit; the
 * aggregate checks the rest against its state.
 */
final class RichiesteOrganigramma {

    private static final String OBBLIGATORIO = "Campo obbligatorio";

    private RichiesteOrganigramma() {
    }

    record RegistraEnte(
            @NotBlank(message = OBBLIGATORIO) String ente,
            @NotBlank(message = OBBLIGATORIO) String nome,
            String codiceIstat,
            @Size(max = 20) List<String> denominazioniPrecedenti) {
    }

    record RegistraDenominazione(@NotBlank(message = OBBLIGATORIO) String denominazione) {
    }

    record IstituisciStruttura(
            @NotBlank(message = OBBLIGATORIO) String codice,
            @NotBlank(message = OBBLIGATORIO) String nome,
            @NotNull(message = OBBLIGATORIO) TipoStruttura tipo,
            String settore,
            @NotNull(message = OBBLIGATORIO) LocalDate dal,
            LocalDate al) {
    }

    record RinominaStruttura(
            @NotBlank(message = OBBLIGATORIO) String nome,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    record ChiudiStruttura(
            @NotNull(message = OBBLIGATORIO) LocalDate al,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    record RegistraPersona(
            @NotBlank(message = OBBLIGATORIO) String identificativo,
            @NotBlank(message = OBBLIGATORIO) String nome) {
    }

    record CorreggiPersona(
            @NotBlank(message = OBBLIGATORIO) String nome,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    record ConferisciIncarico(
            String incarico,
            @NotBlank(message = OBBLIGATORIO) String struttura,
            @NotBlank(message = OBBLIGATORIO) String persona,
            @NotNull(message = OBBLIGATORIO) TipoIncarico tipo,
            @NotNull(message = OBBLIGATORIO) LocalDate dal,
            LocalDate al,
            @NotBlank(message = OBBLIGATORIO) String atto) {
    }

    record TerminaIncarico(
            @NotNull(message = OBBLIGATORIO) LocalDate al,
            @NotBlank(message = OBBLIGATORIO) String atto) {
    }

    record CorreggiIncarico(
            @NotBlank(message = OBBLIGATORIO) String persona,
            @NotNull(message = OBBLIGATORIO) LocalDate dal,
            LocalDate al,
            @NotBlank(message = OBBLIGATORIO) String atto,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }
}
