package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the parameters of the method for an ente and year; every change is a new version. */
public record ImpostaMetodoValutazione(
        @TargetAggregateIdentifier String ciclo,
        String ente,
        int anno,
        ParametriValutazione parametri,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public ImpostaMetodoValutazione {
        new Lunghezze()
                .testo("ente", ente, Limite.ENTE)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
