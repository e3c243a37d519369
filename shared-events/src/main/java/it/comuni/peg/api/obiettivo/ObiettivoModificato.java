package it.comuni.peg.api.obiettivo;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;

/** Carries the values before the change too, so that the history reads from this event alone. */
public record ObiettivoModificato(
        ObiettivoId obiettivoId,
        Contenuto prima,
        Contenuto dopo,
        Motivazione motivazione) {

    public record Contenuto(
            String descrizione,
            Peso pesoIndicatori,
            Peso pesoFasi,
            RiferimentoDup dupStrategico,
            RiferimentoDup dupOperativo) {
    }
}
