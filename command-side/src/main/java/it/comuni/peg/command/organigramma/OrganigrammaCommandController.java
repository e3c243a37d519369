package it.comuni.peg.command.organigramma;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.organigramma.ChiudiStruttura;
import it.comuni.peg.api.organigramma.ComandoOrganigramma;
import it.comuni.peg.api.organigramma.ConferisciIncarico;
import it.comuni.peg.api.organigramma.CorreggiIncarico;
import it.comuni.peg.api.organigramma.CorreggiPersona;
import it.comuni.peg.api.organigramma.IstituisciStruttura;
import it.comuni.peg.api.organigramma.RegistraDenominazione;
import it.comuni.peg.api.organigramma.RegistraEnte;
import it.comuni.peg.api.organigramma.RegistraPersona;
import it.comuni.peg.api.organigramma.RinominaStruttura;
import it.comuni.peg.api.organigramma.TerminaIncarico;
import it.comuni.peg.command.idempotenza.InvioIdempotente;
import it.comuni.peg.platform.sicurezza.Perimetro;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The command API of the enti and their organigrammi: each endpoint sends one command and answers
 * {@link EsitoOrganigramma} (201 with the organigramma's address for what it creates, 200 for a
 * change). Who may: {@link Permessi}. An ente that is not registered, or where the user has no
 * accesso, answers 404 naming it, as any other unknown struttura, persona or incarico does.
 */
@RestController
@RequestMapping("/api/enti")
@Tag(name = "Organigramma", description = "Enti, strutture, persone e incarichi di responsabile nel tempo")
public class OrganigrammaCommandController {

    private final InvioIdempotente invio;

    public OrganigrammaCommandController(InvioIdempotente invio) {
        this.invio = invio;
    }

    @PostMapping
    @Operation(summary = "Registra un ente (codice IPA) con le denominazioni precedenti: amministratore dell'installazione")
    public ResponseEntity<EsitoOrganigramma> registraEnte(@Valid @RequestBody RichiesteOrganigramma.RegistraEnte r) {
        return creato(new RegistraEnte(r.ente(), r.nome(), r.codiceIstat(), r.denominazioniPrecedenti()));
    }

    @PostMapping("/{ente}/denominazioni")
    @Operation(summary = "Collega all'ente una denominazione precedente: amministratore dell'installazione")
    public ResponseEntity<EsitoOrganigramma> denominazione(@PathVariable String ente,
                                                           @Valid @RequestBody RichiesteOrganigramma.RegistraDenominazione r) {
        return creato(new RegistraDenominazione(ente, r.denominazione()));
    }

    @PostMapping("/{ente}/strutture")
    @Operation(summary = "Istituisce un settore o un ufficio, valido dal giorno indicato")
    public ResponseEntity<EsitoOrganigramma> istituisci(@PathVariable String ente,
                                                        @Valid @RequestBody RichiesteOrganigramma.IstituisciStruttura r) {
        return creato(new IstituisciStruttura(ente, r.codice(), r.nome(), r.tipo(), r.settore(), r.dal(), r.al()));
    }

    @PostMapping("/{ente}/strutture/{codice}/ridenominazioni")
    @Operation(summary = "Rinomina una struttura, con motivazione")
    public ResponseEntity<EsitoOrganigramma> rinomina(@PathVariable String ente, @PathVariable String codice,
                                                      @Valid @RequestBody RichiesteOrganigramma.RinominaStruttura r) {
        return cambiato(new RinominaStruttura(ente, codice, r.nome(), r.motivazione()));
    }

    @PostMapping("/{ente}/strutture/{codice}/chiusura")
    @Operation(summary = "Chiude una struttura: il giorno indicato è l'ultimo di validità; con motivazione")
    public ResponseEntity<EsitoOrganigramma> chiudi(@PathVariable String ente, @PathVariable String codice,
                                                    @Valid @RequestBody RichiesteOrganigramma.ChiudiStruttura r) {
        return cambiato(new ChiudiStruttura(ente, codice, r.al(), r.motivazione()));
    }

    @PostMapping("/{ente}/persone")
    @Operation(summary = "Registra una persona dell'ente (matricola o codice fiscale, nome)")
    public ResponseEntity<EsitoOrganigramma> persona(@PathVariable String ente,
                                                     @Valid @RequestBody RichiesteOrganigramma.RegistraPersona r) {
        return creato(new RegistraPersona(ente, r.identificativo(), r.nome()));
    }

    @PostMapping("/{ente}/persone/{identificativo}/correzioni")
    @Operation(summary = "Corregge il nome di una persona, con motivazione")
    public ResponseEntity<EsitoOrganigramma> correggiPersona(@PathVariable String ente, @PathVariable String identificativo,
                                                             @Valid @RequestBody RichiesteOrganigramma.CorreggiPersona r) {
        return cambiato(new CorreggiPersona(ente, identificativo, r.nome(), r.motivazione()));
    }

    @PostMapping("/{ente}/incarichi")
    @Operation(summary = "Conferisce l'incarico di responsabile di una struttura (titolare o ad interim) con il suo atto")
    public ResponseEntity<EsitoOrganigramma> conferisci(@PathVariable String ente,
                                                        @Valid @RequestBody RichiesteOrganigramma.ConferisciIncarico r) {
        // an id made up here only when the client chose none: under an Idempotency-Key, a retry gets
        // the first request's id back (the command's result), not this one
        String incarico = r.incarico() == null || r.incarico().isBlank() ? UUID.randomUUID().toString() : r.incarico();
        return creato(new ConferisciIncarico(ente, incarico, r.struttura(), r.persona(), r.tipo(), r.dal(), r.al(), r.atto()));
    }

    @PostMapping("/{ente}/incarichi/{incarico}/termine")
    @Operation(summary = "Termina un incarico all'ultimo giorno indicato, con il suo atto")
    public ResponseEntity<EsitoOrganigramma> termina(@PathVariable String ente, @PathVariable String incarico,
                                                     @Valid @RequestBody RichiesteOrganigramma.TerminaIncarico r) {
        return cambiato(new TerminaIncarico(ente, incarico, r.al(), r.atto()));
    }

    @PostMapping("/{ente}/incarichi/{incarico}/rettifiche")
    @Operation(summary = "Rettifica persona, date o atto di un incarico, con motivazione")
    public ResponseEntity<EsitoOrganigramma> rettifica(@PathVariable String ente, @PathVariable String incarico,
                                                       @Valid @RequestBody RichiesteOrganigramma.CorreggiIncarico r) {
        return cambiato(new CorreggiIncarico(ente, incarico, r.persona(), r.dal(), r.al(), r.atto(), r.motivazione()));
    }

    private ResponseEntity<EsitoOrganigramma> creato(Object comando) {
        EsitoOrganigramma esito = invia(comando);
        return ResponseEntity.created(URI.create("/api/enti/" + esito.ente() + "/organigramma")).body(esito);
    }

    private ResponseEntity<EsitoOrganigramma> cambiato(Object comando) {
        return ResponseEntity.ok(invia(comando));
    }

    private EsitoOrganigramma invia(Object comando) {
        try {
            return invio.invia(comando);
        } catch (AggregateNotFoundException e) {
            // no organigramma under that code: the ente is not registered, said as for an ente of someone else
            throw Perimetro.enteNonTrovato(((ComandoOrganigramma) comando).ente());
        }
    }
}
