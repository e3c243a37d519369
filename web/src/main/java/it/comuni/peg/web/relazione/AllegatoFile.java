package it.comuni.peg.web.relazione;

import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.platform.audit.Ricevuta;
import it.comuni.peg.platform.audit.Ricevute;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.web.stampa.Pdf;
import it.comuni.peg.web.stampa.StampaController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import it.comuni.peg.query.relazione.AllegatoObiettivi;
import it.comuni.peg.query.relazione.AllegatoObiettiviService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The annex of the Relazione sulla performance as a file to download, for the API and for the nucleo's
 * page alike: the ente checked against the user's accessi (any role there reads it, as it reads the PEG),
 * the model read as of the day with the store's receipt (platform/audit: the readable receipt, its JSON block,
 * and in the PDF the information entry {@code PEG-Ricevuta}), laid out once and written as PDF/A or DOCX.
 */
@Service
public class AllegatoFile {

    /** The editable format's media type (Office Open XML word processing). */
    private static final Logger LOG = LoggerFactory.getLogger(AllegatoFile.class);

    public static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AllegatoObiettiviService servizio;
    private final AllegatoPdf pdf;
    private final AllegatoDocx docx;
    private final Perimetro perimetro;
    private final Ricevute ricevute;
    private final Pdf pdfA;

    public AllegatoFile(AllegatoObiettiviService servizio, AllegatoPdf pdf, AllegatoDocx docx, Perimetro perimetro, Ricevute ricevute,
                        Pdf pdfA) {
        this.servizio = servizio;
        this.pdf = pdf;
        this.docx = docx;
        this.perimetro = perimetro;
        this.ricevute = ricevute;
        this.pdfA = pdfA;
    }

    /** The two formats: PDF/A-3u to archive and publish, DOCX to merge into the Relazione. */
    public enum Formato {
        PDF,
        DOCX;

        /**
         * @param valore "pdf" or "docx" (any case); null or blank: PDF
         * @throws ValoreNonValido naming {@code formato} otherwise
         */
        public static Formato di(String valore) {
            if (valore == null || valore.isBlank()) {
                return PDF;
            }
            return switch (valore.strip().toLowerCase(Locale.ROOT)) {
                case "pdf" -> PDF;
                case "docx" -> DOCX;
                default -> throw new ValoreNonValido("formato", "Il formato dell'allegato è pdf o docx (ricevuto '" + valore + "')");
            };
        }
    }

    /**
     * @param ente    codice IPA; null for the user's only ente
     * @param al      GG/MM/AAAA or AAAA-MM-GG; null for today (a closed year is scored at 31/12)
     * @param formato "pdf" (default) or "docx"
     * @return the file as an attachment, named "Allegato-obiettivi-c_b648-2023-al-2023-12-31.pdf"
     * @throws ValoreNonValido naming {@code al}, {@code anno} or {@code formato}
     * @throws it.comuni.peg.api.comune.NonTrovato for an ente the user does not read, or a year with no objective
     */
    public ResponseEntity<byte[]> scarica(String ente, int anno, String al, String formato) {
        Formato f = Formato.di(formato);
        String codice = perimetro.ente(ente);
        AllegatoObiettivi senza = servizio.allegato(codice, anno, al == null || al.isBlank() ? null : FormaItaliana.leggiData(al, "al"));
        Optional<Ricevuta> ricevuta = ricevuta();
        AllegatoObiettivi allegato = ricevuta.map(r -> senza.conRicevuta(voci(r))).orElse(senza);
        Documento documento = ImpaginazioneAllegato.documento(allegato);
        byte[] contenuto = f == Formato.PDF
                ? pdfA.conMetadati(pdf.pdf(documento), ricevuta.map(r -> Map.of(StampaController.METADATO_RICEVUTA, r.json())).orElse(Map.of()))
                : docx.docx(documento);
        String nome = ImpaginazioneAllegato.nomeFile(allegato, f == Formato.PDF ? "pdf" : "docx");
        return ResponseEntity.ok()
                .contentType(f == Formato.PDF ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nome).build().toString())
                .body(contenuto);
    }

    /**
     * The receipt of the store as the annex is generated: the nucleo can prove later that the events it
     * reports are unchanged. None where the installation has no signing key, or the store cannot give one
     * now: the annex is still generated, without that section.
     */
    private Optional<Ricevuta> ricevuta() {
        if (!ricevute.disponibili()) {
            return Optional.empty();
        }
        try {
            return ricevute.adesso();
        } catch (RuntimeException e) {
            LOG.warn("Allegato senza ricevuta: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static AllegatoObiettivi.Ricevuta voci(Ricevuta r) {
        return new AllegatoObiettivi.Ricevuta("Ricevuta di integrità dell'archivio degli eventi", List.of(
                new AllegatoObiettivi.Ricevuta.Voce("Dichiarazione", r.testo()),
                new AllegatoObiettivi.Ricevuta.Voce("Indice globale dell'ultimo evento", String.valueOf(r.indice())),
                new AllegatoObiettivi.Ricevuta.Voce("Impronta SHA-256 della catena", r.hash()),
                new AllegatoObiettivi.Ricevuta.Voce("Firma Ed25519", r.firma()),
                new AllegatoObiettivi.Ricevuta.Voce("Impronta della chiave", r.improntaChiave()),
                new AllegatoObiettivi.Ricevuta.Voce("Marca temporale RFC 3161", r.marcaTemporale() == null ? "assente" : "presente")),
                r.json());
    }
}
