package it.comuni.peg.api.obiettivo;

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
}
