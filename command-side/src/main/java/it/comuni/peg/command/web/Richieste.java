package it.comuni.peg.command.web;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.indicatore.Direzione;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The bodies of the command API. The objective and the phase or indicator come from the path; the
 * user from the security context. Value types (Percentuale, Peso, Motivazione) refuse impossible
 * values while the JSON is read; the command, when built, refuses texts beyond their limit (one set of
 * limits for every way in: {@link it.comuni.peg.api.comune.Limite}); the aggregate checks the rest
 * against its state.
 */
final class Richieste {

    private static final String OBBLIGATORIO = "Campo obbligatorio";

    private Richieste() {
    }

    record DefinisciObiettivo(
            @NotBlank(message = OBBLIGATORIO) String ente,
            @NotNull(message = OBBLIGATORIO) @Min(2000) @Max(2100) Integer anno,
            @NotBlank(message = OBBLIGATORIO) String titolo,
            String descrizione,
            @NotNull(message = OBBLIGATORIO) @Valid Settore settore,
            @Valid Ufficio ufficio,
            @NotNull(message = OBBLIGATORIO) Peso pesoIndicatori,
            @NotNull(message = OBBLIGATORIO) Peso pesoFasi,
            @Valid RiferimentoDup dupStrategico,
            @Valid RiferimentoDup dupOperativo) {
    }

    record ModificaObiettivo(
            String descrizione,
            @NotNull(message = OBBLIGATORIO) Peso pesoIndicatori,
            @NotNull(message = OBBLIGATORIO) Peso pesoFasi,
            RiferimentoDup dupStrategico,
            RiferimentoDup dupOperativo,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    /** {@code persona}: identificativo in the organigramma (matricola or codice fiscale); {@code nome} needed without it. */
    record AssegnaPersona(
            String nome,
            String persona,
            String categoria,
            String ruolo,
            @NotNull(message = OBBLIGATORIO) LocalDate inizio,
            @NotNull(message = OBBLIGATORIO) LocalDate fine) {
    }

    /** The person by {@code persona} (identificativo) or else by {@code nome}. */
    record TerminaAssegnazione(
            String nome,
            String persona,
            @NotNull(message = OBBLIGATORIO) LocalDate fine) {
    }

    /** Settore and ufficio codes of the ente's organigramma ({@code ufficio} absent: the settore as a whole). */
    record SpostaObiettivo(
            @NotBlank(message = OBBLIGATORIO) String settore,
            String ufficio,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    record RinominaObiettivo(
            @NotBlank(message = OBBLIGATORIO) String titolo,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    record PianificaFase(
            @NotNull(message = OBBLIGATORIO) @Min(1) @Max(999) Integer numero,
            @NotBlank(message = OBBLIGATORIO) String titolo,
            String descrizione,
            LocalDate inizio,
            LocalDate fine,
            @Size(max = 36) List<YearMonth> mesiPrevisti) {
    }

    record RimodulaFase(
            LocalDate inizio,
            LocalDate fine,
            @Size(max = 36) List<YearMonth> mesiPrevisti,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    record RegistraConsuntivo(
            @NotNull(message = OBBLIGATORIO) YearMonth mese,
            @NotNull(message = OBBLIGATORIO) Boolean svolta,
            @NotNull(message = OBBLIGATORIO) Percentuale percentuale,
            String note,
            String atto) {
    }

    record RettificaConsuntivo(
            @NotNull(message = OBBLIGATORIO) YearMonth mese,
            @NotNull(message = OBBLIGATORIO) Boolean svolta,
            @NotNull(message = OBBLIGATORIO) Percentuale percentuale,
            String note,
            String atto,
            @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    record CompletaFase(
            @NotNull(message = OBBLIGATORIO) LocalDate data,
            String atto) {
    }

    record DefinisciIndicatore(
            @NotBlank(message = OBBLIGATORIO) String codice,
            @NotBlank(message = OBBLIGATORIO) String nome,
            String unita,
            BigDecimal valoreAtteso,
            @NotNull(message = OBBLIGATORIO) Direzione direzione,
            @NotNull(message = OBBLIGATORIO) Peso peso,
            LocalDate dataAttesa,
            BigDecimal valoreAnnoPrecedente) {
    }

    /** One kind of value: valore, numeratore and denominatore, data or si (checked by the objective); periodo optional. */
    record RegistraValoreIndicatore(
            BigDecimal valore,
            @NotNull(message = OBBLIGATORIO) LocalDate dataRiferimento,
            String note,
            BigDecimal numeratore,
            BigDecimal denominatore,
            LocalDate data,
            Boolean si,
            String periodo) {
    }
}
