package it.comuni.peg.query.smvp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.asof.Riferimento;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.pubblicazione.EsportazioneCsvController;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.scheda.SchedaController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Scores under the ente's own SMVP, each step explained in Italian: of an objective, of a whole PEG. */
@RestController
@Tag(name = "Valutazione SMVP", description = "Punteggi secondo il metodo SMVP dell'ente, con la spiegazione di ogni passo")
public class ValutazioneSmvpController {

    private static final String AL = "Data di riferimento GG/MM/AAAA o AAAA-MM-GG (predefinita: oggi, o il giorno di asOf)";
    private static final String AS_OF = "Istante ISO-8601 o data AAAA-MM-GG: dati e metodo come erano registrati allora";

    private final ValutazioneSmvpService servizio;
    private final Disponibilita disponibilita;
    private final Perimetro perimetro;
    private final Clock clock;

    public ValutazioneSmvpController(ValutazioneSmvpService servizio, Disponibilita disponibilita, Perimetro perimetro, Clock clock) {
        this.servizio = servizio;
        this.disponibilita = disponibilita;
        this.perimetro = perimetro;
        this.clock = clock;
    }

    @GetMapping("/api/valutazione/smvp/obiettivi/{id}")
    @Operation(summary = "Il punteggio di un obiettivo secondo il metodo SMVP in vigore alla data, con ogni passo spiegato")
    public ValutazioneSmvp obiettivo(@PathVariable ObiettivoId id,
                                     @Parameter(description = AL) @RequestParam(required = false) String al,
                                     @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        Riferimento r = richiesto(al, asOf);
        return servizio.obiettivo(id.valore(), r.al(), r.istante(), r.live());
    }

    @GetMapping("/api/valutazione/smvp/peg")
    @Operation(summary = "I punteggi di tutto il PEG secondo il metodo SMVP: obiettivi, settori, uffici, ente, persone")
    public ValutazioneSmvp peg(@Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                               @RequestParam int anno,
                               @Parameter(description = AL) @RequestParam(required = false) String al,
                               @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        String codice = perimetro.ente(ente);
        Riferimento r = richiesto(al, asOf);
        return servizio.peg(codice, anno, r.al(), r.istante(), r.live());
    }

    /**
     * The objectives of {@link #peg} as CSV ({@link ValutazioneSmvpCsv}): a forced achievement with the score
     * the method computed beside it, a closed objective with its closed score.
     */
    @GetMapping("/api/valutazione/smvp/peg.csv")
    @Operation(summary = "I punteggi SMVP degli obiettivi del PEG in CSV: punteggio, punteggio calcolato, forzatura e motivazione")
    public ResponseEntity<byte[]> pegCsv(@Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                         @RequestParam int anno,
                                         @Parameter(description = AL) @RequestParam(required = false) String al,
                                         @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        ValutazioneSmvp v = peg(ente, anno, al, asOf);
        return EsportazioneCsvController.csv(EsportazioneCsvController.nomeFile("valutazione-smvp", anno, v.ente(), ""),
                ValutazioneSmvpCsv.obiettivi(v));
    }

    /** A live read needs the scheda projection up (503 while it rebuilds); a replay does not. */
    private Riferimento richiesto(String al, String asOf) {
        Riferimento r = Riferimento.di(al, asOf, clock);
        if (r.live()) {
            disponibilita.richiedi(Proiezioni.SCHEDA);
        }
        return r;
    }
}
