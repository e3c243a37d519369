package it.comuni.peg.api.obiettivo;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The controllo di gestione defines an Obiettivo PEG of an ente for a year. */
public record DefinisciObiettivo(
        @TargetAggregateIdentifier ObiettivoId obiettivoId,
        String ente,
        int anno,
        String titolo,
        String descrizione,
        Settore settore,
        Ufficio ufficio,
        Peso pesoIndicatori,
        Peso pesoFasi,
        RiferimentoDup dupStrategico,
        RiferimentoDup dupOperativo) {

    /** Refuses, naming each field, texts beyond their {@link Limite}. */
    public DefinisciObiettivo {
        new Lunghezze()
                .testo("ente", ente, Limite.ENTE)
                .testo("titolo", titolo, Limite.TITOLO)
                .testo("descrizione", descrizione, Limite.DESCRIZIONE)
                .settore("settore", settore)
                .ufficio("ufficio", ufficio)
                .dup("dupStrategico", dupStrategico)
                .dup("dupOperativo", dupOperativo)
                .verifica();
    }
}
