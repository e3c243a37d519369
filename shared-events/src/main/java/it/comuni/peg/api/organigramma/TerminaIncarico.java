package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The controllo di gestione ends an incarico: {@code al} is its last day (a handover, a revocation),
 * by {@code atto}. Only brings the end forward: extending it is a correction.
 */
public record TerminaIncarico(
        @TargetAggregateIdentifier String ente,
        String incarico,
        LocalDate al,
        String atto) implements ComandoOrganigramma {

    public TerminaIncarico {
        ente = Codici.ente(ente);
        incarico = Codici.incarico(incarico);
        new Lunghezze().testo("atto", atto, Limite.ATTO).verifica();
    }
}
