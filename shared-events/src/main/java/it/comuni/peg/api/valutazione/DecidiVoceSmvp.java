package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * A decision of the nucleo on an item scored under the SMVP: NON_VALUTABILE leaves it out (the weights of
 * the rest renormalised), FORZATURA sets its achievement to {@code valore} (the computed score stays beside
 * it in the explanation). A later decision on the same item replaces the earlier one.
 *
 * @param voce        OBIETTIVO, FASE or INDICATORE
 * @param riferimento the phase's number or the indicator's code; null for the objective itself
 * @param valore      the forced achievement (a FORZATURA only); whether the item can score it is checked
 *                    against the method in force when scoring
 */
public record DecidiVoceSmvp(
        @TargetAggregateIdentifier String ciclo,
        String ente,
        int anno,
        ObiettivoId obiettivoId,
        VoceSmvpDecisa.Voce voce,
        String riferimento,
        VoceSmvpDecisa.Tipo tipo,
        BigDecimal valore,
        Motivazione motivazione) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public DecidiVoceSmvp {
        new Lunghezze()
                .testo("ente", ente, Limite.ENTE)
                .testo("riferimento", riferimento, Limite.CODICE)
                .numero("valore", valore)
                .motivazione("motivazione", motivazione)
                .verifica();
    }
}
