package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The controllo di gestione corrects a persona's name (the identificativo stays), saying why. */
public record CorreggiPersona(
        @TargetAggregateIdentifier String ente,
        String identificativo,
        String nome,
        Motivazione motivazione) implements ComandoOrganigramma {

    public CorreggiPersona {
        ente = Codici.ente(ente);
        identificativo = Codici.persona(identificativo, "identificativo");
        new Lunghezze().testo("nome", nome, Limite.PERSONA).motivazione("motivazione", motivazione).verifica();
        nome = Codici.nomePersona(nome);
    }
}
