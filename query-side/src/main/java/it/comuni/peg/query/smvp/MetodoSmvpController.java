package it.comuni.peg.query.smvp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.smvp.DifferenzeMetodo;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.asof.Riferimento;
import it.comuni.peg.query.scheda.SchedaController;
import it.comuni.peg.query.valutazione.CicloAlIstante;
import it.comuni.peg.query.valutazione.CicloNoto;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The ente's SMVP as the nucleo reads it: the version in force at a date, as recorded by then, its
 * versions, and what changed between two of them. Read from the evaluation cycle's events, as every
 * other as-of read of the cycle ({@link CicloAlIstante}).
 */
@RestController
@Tag(name = "Metodo SMVP", description = "Il sistema di misurazione e valutazione dell'ente: versione in vigore, versioni, differenze")
public class MetodoSmvpController {

    /** The media type of the document in YAML. */
    public static final String YAML = "application/yaml";
    private static final String AL = "Data di riferimento GG/MM/AAAA o AAAA-MM-GG (predefinita: oggi, o il giorno di asOf)";
    private static final String AS_OF = "Istante ISO-8601 o data AAAA-MM-GG: il metodo come era registrato allora (predefinito: adesso)";

    private final CicloAlIstante cicli;
    private final Perimetro perimetro;
    private final Clock clock;

    public MetodoSmvpController(CicloAlIstante cicli, Perimetro perimetro, Clock clock) {
        this.cicli = cicli;
        this.perimetro = perimetro;
        this.clock = clock;
    }

    /** A version as listed: which, from when, why, when recorded. */
    public record Versione(int versione, LocalDate inVigoreDal, String impronta, String motivazione, Instant registrataIl) {
    }

    /** The differences between version {@code da} and version {@code a}. */
    public record Differenze(String ente, int anno, int da, int a, String improntaDa, String improntaA,
                             List<DifferenzeMetodo.Differenza> differenze) {
    }

    /**
     * The document of the version in force at {@code al} as recorded by {@code asOf} (default now; the
     * same day as {@code al} gives what the nucleo could read on that day), YAML when the client accepts
     * {@code application/yaml} first, JSON otherwise.
     * Headers {@code SMVP-Versione}, {@code SMVP-In-Vigore-Dal}, {@code SMVP-Impronta} name the version.
     *
     * @throws NonTrovato when no version was in force at that date
     */
    @GetMapping(value = "/api/valutazione/metodo-smvp", produces = {MediaType.APPLICATION_JSON_VALUE, YAML})
    @Operation(summary = "Il metodo SMVP in vigore a una data, come registrato allora (YAML o JSON secondo Accept)")
    public ResponseEntity<String> inVigore(@Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                           @RequestParam int anno,
                                           @Parameter(description = AL) @RequestParam(required = false) String al,
                                           @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
                                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accetta) {
        String codice = perimetro.ente(ente);
        Riferimento r = Riferimento.di(al, asOf, clock);
        LocalDate giorno = r.giorno();
        CicloNoto ciclo = cicli.ciclo(codice, anno, r.istante());
        CicloNoto.VersioneSmvp v = ciclo.smvpAl(giorno).orElseThrow(() -> new NonTrovato("Nessun metodo SMVP dell'ente "
                + codice + " per il " + anno + " in vigore al " + FormaItaliana.data(giorno)));
        boolean yaml = preferisceYaml(accetta);
        return ResponseEntity.ok()
                .contentType(yaml ? MediaType.parseMediaType(YAML + ";charset=UTF-8") : MediaType.APPLICATION_JSON)
                .header("SMVP-Versione", String.valueOf(v.versione()))
                .header("SMVP-In-Vigore-Dal", v.inVigoreDal().toString())
                .header("SMVP-Impronta", v.impronta())
                .body(DocumentoMetodo.scrivi(v.metodo(), yaml ? DocumentoMetodo.Formato.YAML : DocumentoMetodo.Formato.JSON));
    }

    /** Every version recorded up to now, in recording order; empty when the ente has none for the year. */
    @GetMapping("/api/valutazione/metodo-smvp/versioni")
    @Operation(summary = "Le versioni del metodo SMVP di un ente e anno, nell'ordine in cui sono state registrate")
    public List<Versione> versioni(@Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                   @RequestParam int anno) {
        String codice = perimetro.ente(ente);
        return cicli.ciclo(codice, anno, clock.instant()).smvp().stream()
                .map(v -> new Versione(v.versione(), v.inVigoreDal(), v.impronta(), v.motivazione(), v.registrataIl()))
                .toList();
    }

    /**
     * The differences from version {@code da} to version {@code a} ({@link DifferenzeMetodo}).
     *
     * @throws NonTrovato when either version is not recorded
     */
    @GetMapping("/api/valutazione/metodo-smvp/differenze")
    @Operation(summary = "Le differenze tra due versioni del metodo SMVP: ogni parte cambiata con il valore prima e dopo")
    public Differenze differenze(@Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                 @RequestParam int anno, @RequestParam int da, @RequestParam int a) {
        String codice = perimetro.ente(ente);
        CicloNoto ciclo = cicli.ciclo(codice, anno, clock.instant());
        CicloNoto.VersioneSmvp prima = versione(ciclo, codice, anno, da);
        CicloNoto.VersioneSmvp dopo = versione(ciclo, codice, anno, a);
        return new Differenze(codice, anno, da, a, prima.impronta(), dopo.impronta(),
                DifferenzeMetodo.tra(prima.metodo(), dopo.metodo()));
    }

    private static CicloNoto.VersioneSmvp versione(CicloNoto ciclo, String ente, int anno, int numero) {
        return ciclo.smvp(numero).orElseThrow(() -> new NonTrovato("Versione " + numero + " del metodo SMVP dell'ente "
                + ente + " per il " + anno + " non trovata"));
    }


    /** YAML only when asked for before JSON: a client that accepts anything gets JSON. */
    private static boolean preferisceYaml(String accetta) {
        if (accetta == null || accetta.isBlank()) {
            return false;
        }
        List<MediaType> tipi = new java.util.ArrayList<>(MediaType.parseMediaTypes(accetta));
        tipi.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType t : tipi) {
            if (t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType()) {
                return false;
            }
            if (t.getSubtype().endsWith("yaml")) {
                return true;
            }
        }
        return false;
    }
}
