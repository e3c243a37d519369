package it.comuni.peg.query.storico;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** A line of the storico: when, who, with which role, what, why, and the values before and after. */
public record VoceStorico(
        String obiettivoId,
        String titoloObiettivo,
        long sequenza,
        Instant registratoIl,
        String utente,
        String ruolo,
        String tipo,
        String descrizione,
        String motivazione,
        JsonNode prima,
        JsonNode dopo,
        boolean registratoInRitardo,
        Integer giorniRitardo) {
}
