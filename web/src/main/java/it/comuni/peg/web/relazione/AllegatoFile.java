package it.comuni.peg.web.relazione;

import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.smvp.FormaItaliana;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.query.relazione.AllegatoObiettivi;
import it.comuni.peg.query.relazione.AllegatoObiettiviService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

import java.util.Locale;

/**
 * The annex of the Relazione sulla performance as a file to download, for the API and for the nucleo's
 * page alike: the ente checked against the user's accessi (any role there reads it, as it reads the PEG),
 * the model read as of the day, laid out once and written as PDF/A or DOCX.
 */
@Service
public class AllegatoFile {

    /** The editable format's media type (Office Open XML word processing). */
    public static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AllegatoObiettiviService servizio;
    private final AllegatoPdf pdf;
    private final AllegatoDocx docx;
    private final Perimetro perimetro;

    public AllegatoFile(AllegatoObiettiviService servizio, AllegatoPdf pdf, AllegatoDocx docx, Perimetro perimetro) {
        this.servizio = servizio;
        this.pdf = pdf;
        this.docx = docx;
        this.perimetro = perimetro;
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
        AllegatoObiettivi allegato = servizio.allegato(codice, anno, al == null || al.isBlank() ? null : FormaItaliana.leggiData(al, "al"));
        Documento documento = ImpaginazioneAllegato.documento(allegato);
        byte[] contenuto = f == Formato.PDF ? pdf.pdf(documento) : docx.docx(documento);
        String nome = ImpaginazioneAllegato.nomeFile(allegato) + (f == Formato.PDF ? ".pdf" : ".docx");
        return ResponseEntity.ok()
                .contentType(f == Formato.PDF ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nome).build().toString())
                .body(contenuto);
    }
}
