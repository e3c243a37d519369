package it.comuni.peg.api.obiettivo;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The controllo di gestione changes the titolo of an objective, saying why. */
public record RinominaObiettivo(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String titolo,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public RinominaObiettivo {
        new Lunghezze()
                .testo("titolo", titolo, Limite.TITOLO)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
