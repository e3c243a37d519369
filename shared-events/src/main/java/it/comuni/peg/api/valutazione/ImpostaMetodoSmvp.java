package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
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
 *                    anno must be the command's
 */
public record ImpostaMetodoSmvp(
        @TargetAggregateIdentifier String ciclo,
        String ente,
        int anno,
        LocalDate inVigoreDal,
        MetodoSmvp metodo,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public ImpostaMetodoSmvp {
        new Lunghezze()
                .testo("ente", ente, Limite.ENTE)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
