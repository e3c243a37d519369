package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The administrator links one more former name to a registered ente ("Comune di Prova"), so that a
 * store whose objectives carry that name reads them as the ente's. A name belongs to one ente only.
 */
public record RegistraDenominazione(
        @TargetAggregateIdentifier String ente,
        String denominazione) implements ComandoOrganigramma {

    public RegistraDenominazione {
        ente = Codici.ente(ente);
        new Lunghezze().testo("denominazione", denominazione, Limite.ENTE).verifica();
        denominazione = denominazione == null ? null : denominazione.strip();
    }
}
