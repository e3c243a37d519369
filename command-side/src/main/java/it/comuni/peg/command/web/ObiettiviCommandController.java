package it.comuni.peg.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.consuntivo.RettificaConsuntivo;
import it.comuni.peg.api.fase.CompletaFase;
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.fase.RimodulaFase;
import it.comuni.peg.api.indicatore.DefinisciIndicatore;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.obiettivo.ModificaObiettivo;
import it.comuni.peg.api.obiettivo.RinominaObiettivo;
import it.comuni.peg.api.obiettivo.SpostaObiettivo;
import it.comuni.peg.api.persona.AssegnaPersona;
import it.comuni.peg.api.persona.TerminaAssegnazione;
import it.comuni.peg.command.idempotenza.InvioIdempotente;
import it.comuni.peg.command.metadati.VersioneAttesaDaMetadati;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The command API of an Obiettivo PEG: each endpoint sends one command and answers with the
 * objective's new version. {@code If-Match} (the version the client saw) makes a stale write fail
 * with 412. Every answer is built from the command's result alone, so that a retry under an
 * Idempotency-Key, which gets the first request's result back ({@link InvioIdempotente}), gets
 * the first answer.
 */
@RestController
@RequestMapping("/api/obiettivi")
@Tag(name = "Comandi", description = "Pianificazione e consuntivo degli obiettivi PEG")
public class ObiettiviCommandController {

    private final InvioIdempotente invio;

    public ObiettiviCommandController(InvioIdempotente invio) {
        this.invio = invio;
    }

    @PostMapping
    @Operation(summary = "Definisce un obiettivo PEG")
    public ResponseEntity<Esito> definisci(@Valid @RequestBody Richieste.DefinisciObiettivo r) {
        Object creato = invio.invia(new DefinisciObiettivo(ObiettivoId.nuovo(), r.ente(), r.anno(), r.titolo(), r.descrizione(),
                r.settore(), r.ufficio(), r.pesoIndicatori(), r.pesoFasi(), r.dupStrategico(), r.dupOperativo()));
        // the id the objective was created with, which a retry gets back instead of the one it made up
        ObiettivoId id = ObiettivoId.di(creato.toString());
        return ResponseEntity.created(URI.create("/api/obiettivi/" + id)).eTag(etag(0)).body(new Esito(id.valore(), 0));
    }

    @PostMapping("/{id}/modifiche")
    @Operation(summary = "Modifica descrizione, pesi e collegamenti al DUP, con motivazione")
    public ResponseEntity<Esito> modifica(@PathVariable ObiettivoId id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody Richieste.ModificaObiettivo r) {
        return invia(id, ifMatch, new ModificaObiettivo(id, r.descrizione(), r.pesoIndicatori(), r.pesoFasi(),
                r.dupStrategico(), r.dupOperativo(), r.motivazione()));
    }

    @PostMapping("/{id}/persone")
    @Operation(summary = "Assegna una persona all'obiettivo per un periodo")
    public ResponseEntity<Esito> assegna(@PathVariable ObiettivoId id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody Richieste.AssegnaPersona r) {
        return invia(id, ifMatch, new AssegnaPersona(id, r.nome(), r.persona(), r.categoria(), r.ruolo(), r.inizio(), r.fine()));
    }

    @PostMapping("/{id}/persone/termine")
    @Operation(summary = "Termina l'assegnazione di una persona")
    public ResponseEntity<Esito> termina(@PathVariable ObiettivoId id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody Richieste.TerminaAssegnazione r) {
        return invia(id, ifMatch, new TerminaAssegnazione(id, r.nome(), r.persona(), r.fine()));
    }

    @PostMapping("/{id}/spostamenti")
    @Operation(summary = "Sposta l'obiettivo a un altro settore o ufficio dell'organigramma, con motivazione")
    public ResponseEntity<Esito> sposta(@PathVariable ObiettivoId id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody Richieste.SpostaObiettivo r) {
        return invia(id, ifMatch, new SpostaObiettivo(id, r.settore(), r.ufficio(), r.motivazione()));
    }

    @PostMapping("/{id}/titolo")
    @Operation(summary = "Cambia il titolo dell'obiettivo, con motivazione")
    public ResponseEntity<Esito> rinomina(@PathVariable ObiettivoId id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody Richieste.RinominaObiettivo r) {
        return invia(id, ifMatch, new RinominaObiettivo(id, r.titolo(), r.motivazione()));
    }

    @PostMapping("/{id}/fasi")
    @Operation(summary = "Pianifica una fase (date e, facoltativi, i mesi previsti del cronoprogramma)")
    public ResponseEntity<Esito> pianifica(@PathVariable ObiettivoId id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody Richieste.PianificaFase r) {
        return invia(id, ifMatch, new PianificaFase(id, r.numero(), r.titolo(), r.descrizione(), r.inizio(), r.fine(),
                r.mesiPrevisti()));
    }

    @PostMapping("/{id}/fasi/{numero}/rimodulazioni")
    @Operation(summary = "Rimodula una fase, con motivazione obbligatoria")
    public ResponseEntity<Esito> rimodula(@PathVariable ObiettivoId id, @PathVariable int numero, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody Richieste.RimodulaFase r) {
        return invia(id, ifMatch, new RimodulaFase(id, numero, r.inizio(), r.fine(), r.mesiPrevisti(), r.motivazione()));
    }

    @PostMapping("/{id}/fasi/{numero}/consuntivi")
    @Operation(summary = "Registra il consuntivo di un mese per una fase")
    public ResponseEntity<Esito> consuntivo(@PathVariable ObiettivoId id, @PathVariable int numero, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody Richieste.RegistraConsuntivo r) {
        return invia(id, ifMatch, new RegistraConsuntivo(id, numero, r.mese(), r.svolta(), r.percentuale(), r.note(), r.atto()));
    }

    @PostMapping("/{id}/fasi/{numero}/rettifiche")
    @Operation(summary = "Rettifica il consuntivo di un mese, con motivazione")
    public ResponseEntity<Esito> rettifica(@PathVariable ObiettivoId id, @PathVariable int numero, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody Richieste.RettificaConsuntivo r) {
        return invia(id, ifMatch, new RettificaConsuntivo(id, numero, r.mese(), r.svolta(), r.percentuale(), r.note(),
                r.atto(), r.motivazione()));
    }

    @PostMapping("/{id}/fasi/{numero}/completamento")
    @Operation(summary = "Dichiara completata una fase")
    public ResponseEntity<Esito> completa(@PathVariable ObiettivoId id, @PathVariable int numero, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody Richieste.CompletaFase r) {
        return invia(id, ifMatch, new CompletaFase(id, numero, r.data(), r.atto()));
    }

    @PostMapping("/{id}/indicatori")
    @Operation(summary = "Definisce un indicatore con valore atteso, direzione e peso")
    public ResponseEntity<Esito> indicatore(@PathVariable ObiettivoId id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody Richieste.DefinisciIndicatore r) {
        return invia(id, ifMatch, new DefinisciIndicatore(id, r.codice(), r.nome(), r.unita(), r.valoreAtteso(),
                r.direzione(), r.peso(), r.dataAttesa(), r.valoreAnnoPrecedente()));
    }

    @PostMapping("/{id}/indicatori/{codice}/valori")
    @Operation(summary = "Registra il valore di un indicatore a una data di riferimento")
    public ResponseEntity<Esito> valore(@PathVariable ObiettivoId id, @PathVariable String codice, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody Richieste.RegistraValoreIndicatore r) {
        return invia(id, ifMatch, new RegistraValoreIndicatore(id, codice, r.valore(), r.dataRiferimento(), r.note(),
                r.numeratore(), r.denominatore(), r.data(), r.si(), r.periodo()));
    }

    private ResponseEntity<Esito> invia(ObiettivoId id, String ifMatch, Object comando) {
        Long versioneAttesa = VersioneEtag.daIfMatch(ifMatch);
        MetaData metadati = versioneAttesa == null ? MetaData.emptyInstance()
                : MetaData.with(VersioneAttesaDaMetadati.VERSIONE_ATTESA, versioneAttesa);
        Number versione = invio.invia(GenericCommandMessage.asCommandMessage(comando).andMetaData(metadati));
        return ResponseEntity.ok().eTag(etag(versione.longValue())).body(new Esito(id.valore(), versione.longValue()));
    }

    private static String etag(long versione) {
        return VersioneEtag.etag(versione);
    }
}
