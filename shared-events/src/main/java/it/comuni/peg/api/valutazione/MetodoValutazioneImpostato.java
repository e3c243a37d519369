package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Motivazione;

/** {@code versione} counts the settings of the method for this ente and year, from 1. */
public record MetodoValutazioneImpostato(
        String ciclo,
        String ente,
        int anno,
        int versione,
        ParametriValutazione parametri,
        Motivazione motivazione) {
}
