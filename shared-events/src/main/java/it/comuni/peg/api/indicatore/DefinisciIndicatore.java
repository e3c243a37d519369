package it.comuni.peg.api.indicatore;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A measurable indicator of the objective, with its target and its weight among the indicators. */
public record DefinisciIndicatore(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String codice,
        String nome,
        String unita,
        BigDecimal valoreAtteso,
        Direzione direzione,
        Peso peso,
        LocalDate dataAttesa,
        BigDecimal valoreAnnoPrecedente) {

    /** Refuses, naming each field, texts beyond their {@link Limite} and numbers beyond its digits. */
    public DefinisciIndicatore {
        new Lunghezze()
                .testo("codice", codice, Limite.CODICE)
                .testo("nome", nome, Limite.TITOLO)
                .testo("unita", unita, Limite.UNITA)
                .numero("valoreAtteso", valoreAtteso)
                .numero("valoreAnnoPrecedente", valoreAnnoPrecedente)
                .verifica();
    }

    /** An indicator with a numeric target and no recorded previous year's actual. */
    public DefinisciIndicatore(ObiettivoId obiettivoId, String codice, String nome, String unita, BigDecimal valoreAtteso,
                               Direzione direzione, Peso peso) {
        this(obiettivoId, codice, nome, unita, valoreAtteso, direzione, peso, null, null);
    }
}
