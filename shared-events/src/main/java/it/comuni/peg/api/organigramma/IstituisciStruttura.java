package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The controllo di gestione institutes a settore or an ufficio of the ente from {@code dal} (to
 * {@code al}, or open-ended when {@code null}); an ufficio names the code of the settore it belongs to.
 * Codes ("SASTER", "UEDPRI") are unique in the ente, whatever the period.
 */
public record IstituisciStruttura(
        @TargetAggregateIdentifier String ente,
        String codice,
        String nome,
        TipoStruttura tipo,
        String settore,
        LocalDate dal,
        LocalDate al) implements ComandoOrganigramma {

    public IstituisciStruttura {
        ente = Codici.ente(ente);
        new Lunghezze().testo("codice", codice, Limite.CODICE)
                .testo("nome", nome, Limite.NOME_STRUTTURA)
                .testo("settore", settore, Limite.CODICE)
                .verifica();
        codice = codice == null ? null : codice.strip();
        settore = settore == null || settore.isBlank() ? null : settore.strip();
    }
}
