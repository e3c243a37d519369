package it.comuni.peg.command.valutazione;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.valutazione.ChiudiMonitoraggio;
import it.comuni.peg.api.valutazione.DecidiVoceSmvp;
import it.comuni.peg.api.valutazione.VoceSmvpDecisa;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.valutazione.ImpostaMetodoSmvp;
import it.comuni.peg.api.valutazione.ImpostaMetodoValutazione;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.api.valutazione.RegistraValutazione;
import it.comuni.peg.api.valutazione.RelazionePerformanceValidata;
import it.comuni.peg.api.valutazione.ValidaRelazionePerformance;
import it.comuni.peg.command.idempotenza.InvioIdempotente;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The nucleo's acts and the method's parameters, per ente and year. Only the nucleo (and, for the
 * method, the controllo di gestione) may send them: see SicurezzaConfig.
 */
@RestController
@RequestMapping("/api/valutazione")
@Tag(name = "Valutazione (comandi)", description = "Metodo di valutazione, chiusura del monitoraggio, valutazione finale del nucleo")
public class ValutazioneCommandController {

    private static final String OBBLIGATORIO = "Campo obbligatorio";
    private static final String YAML = "application/yaml";

    private final InvioIdempotente invio;

    public ValutazioneCommandController(InvioIdempotente invio) {
        this.invio = invio;
    }

    public record EsitoCiclo(String ciclo, long versione) {
    }

    public record ImpostaMetodo(@NotBlank(message = OBBLIGATORIO) String ente,
                                @NotNull(message = OBBLIGATORIO) @Min(2000) @Max(2100) Integer anno,
                                @NotNull(message = OBBLIGATORIO) @Valid ParametriValutazione parametri,
                                @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    public record Monitoraggio(@NotBlank(message = OBBLIGATORIO) String ente,
                               @NotNull(message = OBBLIGATORIO) @Min(2000) @Max(2100) Integer anno,
                               @NotNull(message = OBBLIGATORIO) LocalDate data,
                               String note) {
    }

    public record Valutazione(@NotBlank(message = OBBLIGATORIO) String ente,
                              @NotNull(message = OBBLIGATORIO) @Min(2000) @Max(2100) Integer anno,
                              @NotNull(message = OBBLIGATORIO) ObiettivoId obiettivoId,
                              @NotNull(message = OBBLIGATORIO) LocalDate al,
                              Percentuale valutazioneIndicatori,
                              @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    @PostMapping("/metodo")
    @Operation(summary = "Imposta i parametri del metodo di valutazione di un ente e anno (nuova versione)")
    public ResponseEntity<EsitoCiclo> metodo(@Valid @RequestBody ImpostaMetodo r) {
        String ciclo = CicloValutazioneId.di(r.ente(), r.anno());
        return esito(ciclo, invio.invia(new ImpostaMetodoValutazione(ciclo, r.ente(), r.anno(), r.parametri(), r.motivazione())));
    }

    /**
     * A new version of the ente's SMVP: the body is the method's document, YAML ({@code application/yaml})
     * or JSON. A document that breaks the schema or a rule is refused with 400 and every error with its
     * path ({@code $.indicatori[2].soglie}); nothing is recorded. The document is read by the evaluation
     * cycle after the sender's role is checked: a user who may not set the method gets 403, never 400.
     *
     * @param inVigoreDal the first day the version applies to, GG/MM/AAAA or AAAA-MM-GG
     */
    @PutMapping(value = "/metodo-smvp", consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Registra una versione del metodo SMVP dell'ente per l'anno (documento YAML o JSON), in vigore da una data")
    public ResponseEntity<EsitoCiclo> metodoSmvp(@RequestParam String ente, @RequestParam int anno, @RequestParam String inVigoreDal,
                                                 @RequestParam String motivazione,
                                                 @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType tipo,
                                                 @RequestBody String documento) {
        LocalDate dal = FormaItaliana.leggiData(inVigoreDal, "inVigoreDal");
        Motivazione perche = Motivazione.di(motivazione);
        DocumentoMetodo.Formato formato = MediaType.APPLICATION_JSON.isCompatibleWith(tipo)
                ? DocumentoMetodo.Formato.JSON : DocumentoMetodo.Formato.YAML;
        String ciclo = CicloValutazioneId.di(ente, anno);
        return esito(ciclo, invio.invia(ImpostaMetodoSmvp.daDocumento(ciclo, ente, anno, dal,
                new ImpostaMetodoSmvp.Documento(documento, formato), perche)));
    }

    public record DecisioneSmvp(@NotBlank(message = OBBLIGATORIO) String ente,
                                @NotNull(message = OBBLIGATORIO) @Min(2000) @Max(2100) Integer anno,
                                @NotNull(message = OBBLIGATORIO) ObiettivoId obiettivoId,
                                @NotNull(message = OBBLIGATORIO) VoceSmvpDecisa.Voce voce,
                                String riferimento,
                                @NotNull(message = OBBLIGATORIO) VoceSmvpDecisa.Tipo tipo,
                                BigDecimal valore,
                                @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    /**
     * The nucleo's decision on an item scored under the SMVP: {@code NON_VALUTABILE} (without
     * {@code valore}) or {@code FORZATURA} (with it), on the objective, a phase (riferimento: its number) or
     * an indicator (riferimento: its code).
     */
    @PostMapping("/smvp/decisioni")
    @Operation(summary = "Decisione del nucleo su una voce valutata con il SMVP: non valutabile o raggiungimento forzato, con motivazione")
    public ResponseEntity<EsitoCiclo> decisioneSmvp(@Valid @RequestBody DecisioneSmvp r) {
        String ciclo = CicloValutazioneId.di(r.ente(), r.anno());
        return esito(ciclo, invio.invia(new DecidiVoceSmvp(ciclo, r.ente(), r.anno(), r.obiettivoId(), r.voce(), r.riferimento(),
                r.tipo(), r.valore(), r.motivazione())));
    }

    @PostMapping("/monitoraggi")
    @Operation(summary = "Chiude il monitoraggio intermedio a una data (es. 30/06)")
    public ResponseEntity<EsitoCiclo> monitoraggio(@Valid @RequestBody Monitoraggio r) {
        String ciclo = CicloValutazioneId.di(r.ente(), r.anno());
        return esito(ciclo, invio.invia(new ChiudiMonitoraggio(ciclo, r.ente(), r.anno(), r.data(), r.note())));
    }

    @PostMapping("/valutazioni")
    @Operation(summary = "Registra la valutazione finale di un obiettivo, con motivazione e, se serve, la valutazione degli indicatori")
    public ResponseEntity<EsitoCiclo> valutazione(@Valid @RequestBody Valutazione r) {
        String ciclo = CicloValutazioneId.di(r.ente(), r.anno());
        return esito(ciclo, invio.invia(new RegistraValutazione(ciclo, r.ente(), r.anno(), r.obiettivoId(),
                r.al(), r.valutazioneIndicatori(), r.motivazione())));
    }

    public record Validazione(@NotBlank(message = OBBLIGATORIO) String ente,
                              @NotNull(message = OBBLIGATORIO) @Min(2000) @Max(2100) Integer anno,
                              @NotNull(message = OBBLIGATORIO) LocalDate data,
                              String atto,
                              @NotNull(message = OBBLIGATORIO) RelazionePerformanceValidata.Esito esito,
                              @NotNull(message = OBBLIGATORIO) Motivazione motivazione) {
    }

    /**
     * The nucleo's act on the Relazione sulla performance of the year (D.Lgs. 150/2009, art. 14 c. 4 lett. c):
     * {@code esito} VALIDATA or NON_VALIDATA, dated after the year's end; see {@link CicloValutazione}.
     */
    @PostMapping("/relazione/validazione")
    @Operation(summary = "Validazione della Relazione sulla performance dell'anno da parte del nucleo: esito, data, atto e motivazione")
    public ResponseEntity<EsitoCiclo> validazione(@Valid @RequestBody Validazione r) {
        String ciclo = CicloValutazioneId.di(r.ente(), r.anno());
        return esito(ciclo, invio.invia(new ValidaRelazionePerformance(ciclo, r.ente(), r.anno(), r.data(), r.atto(),
                r.esito(), r.motivazione())));
    }

    private static ResponseEntity<EsitoCiclo> esito(String ciclo, Object versione) {
        // the aggregate answers with its version; a stream just created answers with its first
        long v = versione instanceof Number n ? n.longValue() : 0;
        return ResponseEntity.ok().eTag("\"" + v + "\"").body(new EsitoCiclo(ciclo, v));
    }
}
