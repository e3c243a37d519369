package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The controllo di gestione renames a struttura (its code stays), saying why. */
public record RinominaStruttura(
        @TargetAggregateIdentifier String ente,
        String codice,
        String nome,
        Motivazione motivazione) implements ComandoOrganigramma {

    public RinominaStruttura {
        ente = Codici.ente(ente);
        new Lunghezze().testo("codice", codice, Limite.CODICE)
                .testo("nome", nome, Limite.NOME_STRUTTURA)
                .motivazione("motivazione", motivazione)
                .verifica();
        codice = codice == null ? null : codice.strip();
    }
}
