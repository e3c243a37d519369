package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The controllo di gestione records that a persona is responsabile of a struttura (settore or
 * ufficio), as titolare or ad interim, from {@code dal} to {@code al} ({@code null}: until further
 * notice), by the act that conferred it ("Decreto sindacale n. 12/2024", required). {@code incarico}
 * identifies it for later ending or correcting.
 */
public record ConferisciIncarico(
        @TargetAggregateIdentifier String ente,
        String incarico,
        String struttura,
        String persona,
        TipoIncarico tipo,
        LocalDate dal,
        LocalDate al,
        String atto) implements ComandoOrganigramma {

    public ConferisciIncarico {
        ente = Codici.ente(ente);
        incarico = Codici.incarico(incarico);
        persona = Codici.persona(persona, "persona");
        new Lunghezze().testo("struttura", struttura, Limite.CODICE).testo("atto", atto, Limite.ATTO).verifica();
        struttura = struttura == null ? null : struttura.strip();
    }
}
