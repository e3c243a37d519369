package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.Motivazione;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The controllo di gestione closes a struttura: its last day is {@code al} (a reorganisation, saying why). */
public record ChiudiStruttura(
        @TargetAggregateIdentifier String ente,
        String codice,
        LocalDate al,
        Motivazione motivazione) implements ComandoOrganigramma {

    public ChiudiStruttura {
        ente = Codici.ente(ente);
        new Lunghezze().testo("codice", codice, Limite.CODICE).motivazione("motivazione", motivazione).verifica();
        codice = codice == null ? null : codice.strip();
    }
}
