package it.comuni.peg.api.obiettivo;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The controllo di gestione moves an objective to another settore and/or ufficio of the ente's
 * organigramma, saying why. {@code settore} and {@code ufficio} are codes of that organigramma
 * ({@code ufficio} null: the objective belongs to the settore as a whole); unknown codes answer 404.
 * From the move on, progress is recorded by who holds the new struttura's incarico.
 */
public record SpostaObiettivo(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String settore,
        String ufficio,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public SpostaObiettivo {
        new Lunghezze()
                .testo("settore", settore, Limite.CODICE)
                .testo("ufficio", ufficio, Limite.CODICE)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
