package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The controllo di gestione registers a persona of the ente: a stable identificativo (matricola or
 * codice fiscale, {@link Codici#persona}) and the name, an attribute that may later be corrected.
 */
public record RegistraPersona(
        @TargetAggregateIdentifier String ente,
        String identificativo,
        String nome) implements ComandoOrganigramma {

    public RegistraPersona {
        ente = Codici.ente(ente);
        identificativo = Codici.persona(identificativo, "identificativo");
        new Lunghezze().testo("nome", nome, Limite.PERSONA).verifica();
        nome = Codici.nomePersona(nome);
    }
}
