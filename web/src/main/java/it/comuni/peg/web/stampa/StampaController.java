package it.comuni.peg.web.stampa;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.organigramma.Enti;
import it.comuni.peg.query.asof.SchedaAlIstante;
import it.comuni.peg.query.scheda.ElencoPeg;
import it.comuni.peg.query.scheda.FiltroPeg;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaQueries;
import it.comuni.peg.query.scheda.StatoAlGiorno;
import it.comuni.peg.web.comune.Formato;
import it.comuni.peg.web.comune.GiornoDelPeg;
import it.comuni.peg.web.comune.PegScelto;
import it.comuni.peg.web.comune.SceltaPeg;
import it.comuni.peg.web.scheda.Cronoprogramma;
import it.comuni.peg.web.scheda.LetturaScheda;
import it.comuni.peg.platform.web.NomeFile;
import it.comuni.peg.platform.audit.Ricevuta;
import it.comuni.peg.platform.audit.Ricevute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The print of the PEG (whole, one settore, one objective) as of any date: HTML with a print
 * stylesheet, and PDF/A from the very same template, so the two cannot differ.
 */
@Controller
public class StampaController {

    /** The PDF's document information entry that holds the receipt's JSON. */
    public static final String METADATO_RICEVUTA = "PEG-Ricevuta";
    private static final Logger LOG = LoggerFactory.getLogger(StampaController.class);

    private final SchedaQueries queries;
    private final SchedaAlIstante alIstante;
    private final LetturaScheda lettura;
    private final SceltaPeg sceltaPeg;
    private final SpringTemplateEngine motore;
    private final ApplicationContext contesto;
    private final Pdf pdf;
    private final Clock clock;
    private final Enti enti;
    private final Ricevute ricevute;
    private final String css;

    public StampaController(SchedaQueries queries, SchedaAlIstante alIstante, LetturaScheda lettura, SceltaPeg sceltaPeg,
                            SpringTemplateEngine motore, ApplicationContext contesto, Pdf pdf, Clock clock, Enti enti,
                            Ricevute ricevute) {
        this.queries = queries;
        this.alIstante = alIstante;
        this.lettura = lettura;
        this.sceltaPeg = sceltaPeg;
        this.motore = motore;
        this.contesto = contesto;
        this.pdf = pdf;
        this.clock = clock;
        this.enti = enti;
        this.ricevute = ricevute;
        try {
            this.css = new ClassPathResource("static/css/stampa.css").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/stampa")
    String indice(@RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno, Model model) {
        PegScelto peg = sceltaPeg.scegli(ente, anno);
        model.addAttribute("peg", peg);
        if (!peg.vuoto()) {
            model.addAttribute("settori", queries.peg(new FiltroPeg(peg.ente(), peg.anno(), null, null, null, null, null),
                            Istanti.giornoDi(clock.instant())).stream()
                    .map(Scheda::settore).distinct().sorted(java.util.Comparator.comparing(it.comuni.peg.api.comune.Settore::codice)).toList());
        }
        return "stampa/indice";
    }

    @GetMapping("/stampa/peg")
    ResponseEntity<String> pegHtml(@RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno,
                                   @RequestParam(required = false) String settore, @RequestParam(required = false) String asOf) {
        return html(stampaPeg(ente, anno, settore, asOf, false));
    }

    @GetMapping("/stampa/peg/pdf")
    ResponseEntity<byte[]> pegPdf(@RequestParam(required = false) String ente, @RequestParam(required = false) Integer anno,
                                  @RequestParam(required = false) String settore, @RequestParam(required = false) String asOf) {
        return pdf(stampaPeg(ente, anno, settore, asOf, true));
    }

    @GetMapping("/stampa/obiettivi/{id}")
    ResponseEntity<String> obiettivoHtml(@PathVariable ObiettivoId id, @RequestParam(required = false) String asOf) {
        return html(stampaObiettivo(id, asOf, false));
    }

    @GetMapping("/stampa/obiettivi/{id}/pdf")
    ResponseEntity<byte[]> obiettivoPdf(@PathVariable ObiettivoId id, @RequestParam(required = false) String asOf) {
        return pdf(stampaObiettivo(id, asOf, true));
    }

    private Stampa stampaObiettivo(ObiettivoId id, String asOf, boolean perPdf) {
        Instant istante = lettura.istante(asOf, "asOf");
        Scheda s = lettura.leggi(id.valore(), istante);
        String codiceEnte = enti.codice(s.ente()).orElse(s.ente());
        return new Stampa(s.titolo(), nomeEnte(codiceEnte) + " · PEG " + s.anno(), istante, List.of(s), perPdf,
                nomePdf(codiceEnte, s.anno(), s.settore() == null ? null : s.settore().codice(), s.titolo(),
                        GiornoDelPeg.mostrato(s.anno(), istante, clock.instant())));
    }

    private Stampa stampaPeg(String ente, Integer anno, String settore, String asOf, boolean perPdf) {
        PegScelto peg = sceltaPeg.scegli(ente, anno);
        if (peg.vuoto()) {
            throw new it.comuni.peg.api.comune.NonTrovato("Nessun PEG caricato");
        }
        Instant istante = lettura.istante(asOf, "asOf");
        String codice = settore == null || settore.isBlank() ? null : settore.strip();
        FiltroPeg filtro = new FiltroPeg(peg.ente(), peg.anno(), codice, null, null, null, null);
        // a past year without a date is printed at its 31/12, as the pages and the scheda show it (GiornoDelPeg)
        java.time.LocalDate giorno = GiornoDelPeg.mostrato(peg.anno(), istante, clock.instant());
        List<Scheda> schede = new ArrayList<>(istante == null ? queries.peg(filtro, giorno) : alIstante.peg(filtro, istante));
        schede.replaceAll(s -> StatoAlGiorno.applica(s, giorno));
        schede.sort(ElencoPeg.ORDINE);
        String titolo = "Obiettivi PEG " + peg.anno() + (codice == null ? "" : " · settore " + codice);
        return new Stampa(titolo, nomeEnte(peg.ente()), istante, schede, perPdf,
                nomePdf(peg.ente(), peg.anno(), codice, null, giorno));
    }

    /**
     * {@code PEG-c_b648-2023-SASTER-al-2023-06-30.pdf}; for one objective the first six words of its title after
     * the settore ({@code PEG-<ente>-<anno>-<settore>-Attivita-di-riqualificazione-...-al-<day>.pdf}).
     */
    static String nomePdf(String ente, int anno, String settore, String titolo, java.time.LocalDate al) {
        return NomeFile.di("pdf", "PEG", ente, anno, settore, titolo == null ? null : NomeFile.parole(titolo, 6), "al", al);
    }

    private record Stampa(String titolo, String sottotitolo, Instant istante, List<Scheda> schede, boolean perPdf, String nomeFile,
                          Ricevuta ricevuta, String ricevutaAssente) {
        Stampa(String titolo, String sottotitolo, Instant istante, List<Scheda> schede, boolean perPdf, String nomeFile) {
            this(titolo, sottotitolo, istante, schede, perPdf, nomeFile, null, null);
        }

        Stampa conRicevuta(Ricevuta r, String assente) {
            return new Stampa(titolo, sottotitolo, istante, schede, perPdf, nomeFile, r, assente);
        }
    }

    /** "Comune di Capannori (c_b648)": the name a reader knows, with the code that the files and the API use. */
    private String nomeEnte(String codice) {
        return enti.nome(codice).map(nome -> nome + " (" + codice + ")").orElse(codice);
    }

    /**
     * Every print carries the receipt of the store as printed (a print on request is a document the
     * nucleo may have to prove later); a print never fails for want of one: it then says why not.
     */
    private Stampa conRicevuta(Stampa s) {
        if (!ricevute.disponibili()) {
            return s.conRicevuta(null, "Ricevuta non disponibile: l'installazione non ha una chiave di firma dei checkpoint.");
        }
        try {
            return ricevute.adesso().map(r -> s.conRicevuta(r, null))
                    .orElseGet(() -> s.conRicevuta(null, "Ricevuta non disponibile: l'archivio non contiene ancora eventi."));
        } catch (RuntimeException e) {
            LOG.warn("Stampa senza ricevuta: {}", e.getMessage());
            return s.conRicevuta(null, "Ricevuta non disponibile in questo momento: riprovare più tardi.");
        }
    }

    private String rendi(Stampa s) {
        Context ctx = new Context(Locale.ITALIAN);
        ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(contesto, null));
        ctx.setVariables(Map.of(
                "titolo", s.titolo(), "sottotitolo", s.sottotitolo(), "pdf", s.perPdf(), "css", css,
                "stampatoIl", new Formato().istante(clock.instant())));
        ctx.setVariable("istante", s.istante());
        ctx.setVariable("ricevuta", s.ricevuta());
        ctx.setVariable("ricevutaAssente", s.ricevutaAssente());
        ctx.setVariable("voci", s.schede().stream().map(sc -> new Voce(sc, Cronoprogramma.di(sc))).toList());
        return motore.process("stampa/stampa", ctx);
    }

    public record Voce(Scheda scheda, Cronoprogramma griglia) {
    }

    private ResponseEntity<String> html(Stampa s) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(rendi(conRicevuta(s)));
    }

    private ResponseEntity<byte[]> pdf(Stampa senza) {
        Stampa s = conRicevuta(senza);
        byte[] documento = pdf.conMetadati(pdf.daHtml(rendi(s), s.titolo()),
                s.ricevuta() == null ? Map.of() : Map.of(METADATO_RICEVUTA, s.ricevuta().json()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(s.nomeFile()).build().toString())
                .body(documento);
    }
}
