package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;

import java.math.BigDecimal;

/** The nucleo decided on an item scored under the SMVP ({@link DecidiVoceSmvp}). */
public record VoceSmvpDecisa(
        String ciclo,
        String ente,
        int anno,
        ObiettivoId obiettivoId,
        Voce voce,
        String riferimento,
        Tipo tipo,
        BigDecimal valore,
        Motivazione motivazione) {

    /** What the decision is about: the objective, one of its phases, one of its indicators. */
    public enum Voce {
        OBIETTIVO,
        FASE,
        INDICATORE
    }

    /** Left out of the scores, or its achievement set by hand. */
    public enum Tipo {
        NON_VALUTABILE,
        FORZATURA
    }
}
