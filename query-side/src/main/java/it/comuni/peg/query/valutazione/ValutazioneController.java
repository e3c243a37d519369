package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.comune.ValoreNonValido;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.query.asof.Riferimento;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.scheda.SchedaController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The grado di raggiungimento with its trace: of an objective, of a PEG, and per person. */
@RestController
@Tag(name = "Valutazione", description = "Grado di raggiungimento con la traccia del calcolo")
public class ValutazioneController {

    private static final String AL = "Data di riferimento AAAA-MM-GG (predefinita: oggi, o il giorno di asOf)";
    private static final String AS_OF = "Istante ISO-8601 o data: la valutazione come era calcolabile allora";

    private final ValutazioneService servizio;
    private final Disponibilita disponibilita;
    private final Clock clock;
    private final Perimetro perimetro;

    public ValutazioneController(ValutazioneService servizio, Disponibilita disponibilita, Clock clock, Perimetro perimetro) {
        this.perimetro = perimetro;
        this.servizio = servizio;
        this.disponibilita = disponibilita;
        this.clock = clock;
    }

    @GetMapping("/api/obiettivi/{id}/valutazione")
    @Operation(summary = "Il grado di raggiungimento di un obiettivo a una data, con ogni fase e indicatore, la regola e i punti")
    public ValutazioneObiettivo obiettivo(@PathVariable ObiettivoId id,
                                          @Parameter(description = AL) @RequestParam(required = false) String al,
                                          @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        Riferimento r = Riferimento.di(al, asOf, clock);
        return servizio.obiettivo(id.valore(), r.al(), r.istante(), r.live());
    }

    @GetMapping("/api/peg/{anno}/valutazione")
    @Operation(summary = "La valutazione di tutto il PEG, con i totali per settore e per ufficio")
    public RiepilogoPeg peg(@PathVariable int anno,
                            @Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                            @Parameter(description = AL) @RequestParam(required = false) String al,
                            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        String codice = perimetro.ente(ente);
        Riferimento r = Riferimento.di(al, asOf, clock);
        disponibilita.richiedi(Proiezioni.SCHEDA);
        return servizio.peg(codice, anno, r.al(), r.istante(), r.live());
    }

    @GetMapping("/api/persone/valutazione")
    @Operation(summary = "La base della valutazione individuale: gli obiettivi della persona pesati sui giorni di assegnazione")
    public ValutazionePersona persona(@Parameter(description = SchedaController.ENTE) @RequestParam(required = false) String ente,
                                      @Parameter(description = "Nome della persona, come assegnata (in alternativa a 'persona')")
                                      @RequestParam(required = false) String nome,
                                      @Parameter(description = "Identificativo della persona nell'organigramma: matricola o codice fiscale"
                                              + " (in alternativa a 'nome')") @RequestParam(required = false) String persona,
                                      @RequestParam int anno,
                                      @Parameter(description = AL) @RequestParam(required = false) String al,
                                      @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        boolean perNome = nome != null && !nome.isBlank();
        boolean perIdentificativo = persona != null && !persona.isBlank();
        if (perNome == perIdentificativo) {
            throw new ValoreNonValido(perNome ? "persona" : "nome",
                    "Indicare la persona per nome oppure per identificativo ('persona'), uno dei due");
        }
        String codice = perimetro.ente(ente);
        Riferimento r = Riferimento.di(al, asOf, clock);
        disponibilita.richiedi(Proiezioni.SCHEDA);
        return servizio.persona(codice, perNome ? nome : null, perIdentificativo ? persona : null, anno, r.al(), r.istante(),
                r.live());
    }

}
