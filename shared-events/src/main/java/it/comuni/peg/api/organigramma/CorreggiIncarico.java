package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The controllo di gestione corrects an incarico recorded wrong (the persona, the dates, the act):
 * the new terms replace the old from the start, which stay in the event; the motivazione says why.
 */
public record CorreggiIncarico(
        @TargetAggregateIdentifier String ente,
        String incarico,
        String persona,
        LocalDate dal,
        LocalDate al,
        String atto,
        Motivazione motivazione) implements ComandoOrganigramma {

    public CorreggiIncarico {
        ente = Codici.ente(ente);
        incarico = Codici.incarico(incarico);
        persona = Codici.persona(persona, "persona");
        new Lunghezze().testo("atto", atto, Limite.ATTO).motivazione("motivazione", motivazione).verifica();
    }
}
