package it.comuni.peg.api.obiettivo;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;

/**
 * An objective moved to another settore and/or ufficio. Carries the strutture before and after
 * (code, name, and the responsabile as known that day: informational, authority is the
 * organigramma's), so that the storico and the as-of reads need nothing else. {@code ufficioPrima}
 * and {@code ufficioDopo} are null for an objective of the settore as a whole.
 */
public record ObiettivoSpostato(
        ObiettivoId obiettivoId,
        Settore settorePrima,
        Ufficio ufficioPrima,
        Settore settoreDopo,
        Ufficio ufficioDopo,
        Motivazione motivazione) {
}
