package it.comuni.peg.api.obiettivo;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the descrizione, the weights and the DUP links of an objective, saying why. */
public record ModificaObiettivo(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String descrizione,
        Peso pesoIndicatori,
        Peso pesoFasi,
        RiferimentoDup dupStrategico,
        RiferimentoDup dupOperativo,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public ModificaObiettivo {
        new Lunghezze()
                .testo("descrizione", descrizione, Limite.DESCRIZIONE)
                .dup("dupStrategico", dupStrategico)
                .dup("dupOperativo", dupOperativo)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
