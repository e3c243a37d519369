package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.smvp.MetodoSmvp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a version of the ente's SMVP for a year, in force from {@code inVigoreDal}. The method is
 * checked by the aggregate against the published schema and {@link it.comuni.peg.api.smvp.RegoleMetodo}:
 * a method with errors is refused whole, every error named by its path in the document.
 *
 * @param ciclo       {@link CicloValutazioneId#di(String, int)} of ente and anno
 * @param inVigoreDal the first day the version applies to (a score at an earlier date uses an earlier version)
 * @param metodo      the method, as {@link it.comuni.peg.api.smvp.DocumentoMetodo} reads it; its ente and
 *                    anno must be the command's. Null when the command carries the {@code documento} instead
 * @param documento   the method's document as the user sent it (null when {@code metodo} is given): the
 *                    aggregate reads it only after checking the sender's role, so a user who may not set
 *                    the method is refused (403) whatever the document says, never told what is wrong in it
 */
public record ImpostaMetodoSmvp(
        @TargetAggregateIdentifier String ciclo,
        String ente,
        int anno,
        LocalDate inVigoreDal,
        MetodoSmvp metodo,
        Documento documento,
        Motivazione motivazione) {

    /** The text of a method's document and the format it is written in. */
    public record Documento(String testo, DocumentoMetodo.Formato formato) {
    }

    /** A method already read (from code, a test, a generator). */
    public ImpostaMetodoSmvp(String ciclo, String ente, int anno, LocalDate inVigoreDal, MetodoSmvp metodo,
                             Motivazione motivazione) {
        this(ciclo, ente, anno, inVigoreDal, metodo, null, motivazione);
    }

    /** A method as its document's text, read by the aggregate after the sender's role is checked. */
    public static ImpostaMetodoSmvp daDocumento(String ciclo, String ente, int anno, LocalDate inVigoreDal,
                                                Documento documento, Motivazione motivazione) {
        return new ImpostaMetodoSmvp(ciclo, ente, anno, inVigoreDal, null, documento, motivazione);
    }

    /**
     * The method: {@code metodo}, or the document read by {@link DocumentoMetodo#leggi}; null when neither.
     *
     * @throws it.comuni.peg.api.comune.ValoriNonValidi every error of the document with its path
     */
    public MetodoSmvp metodoLetto() {
        if (metodo != null || documento == null) {
            return metodo;
        }
        return DocumentoMetodo.leggi(documento.testo(), documento.formato());
    }

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public ImpostaMetodoSmvp {
        new Lunghezze()
                .testo("ente", ente, Limite.ENTE)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
