package it.comuni.peg.query.storico;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A line of the storico: when, who, with which role, what, why, and the values before and after.
 * {@code utente} and {@code ruolo} (the role's code) are as recorded on the event. When the event names
 * the persona who acted ({@code persona}: the identificativo, matricola or codice fiscale, or on events
 * from before the organigramma a name as recorded), {@code nomePersona} is that persona's name as the
 * ente's organigramma holds it when read (null when it knows none), {@code descrizioneRuolo} the role in
 * Italian, {@code incarico} the struttura by whose incarico a progress line was recorded (null otherwise,
 * or when the persona held none of the objective's that day) and {@code chi} all of it in one phrase;
 * on a line without persona those four are null. {@code accesso} says how the author had signed in, in
 * Italian ("tramite il fornitore d'identità dell'ente (OpenID Connect) https://…, autenticato il 01/07/2024
 * alle 09:12"; null on events that did not record it), from the raw {@code autenticazione} (the means'
 * code), {@code emittente} (the provider's issuer) and {@code autenticatoIl}.
 */
public record VoceStorico(
        String obiettivoId,
        String titoloObiettivo,
        long sequenza,
        Instant registratoIl,
        String utente,
        String ruolo,
        String persona,
        String nomePersona,
        String descrizioneRuolo,
        ChiHaAgito.Incarico incarico,
        String chi,
        String autenticazione,
        String emittente,
        Instant autenticatoIl,
        String accesso,
        String tipo,
        String descrizione,
        String motivazione,
        JsonNode prima,
        JsonNode dopo,
        boolean registratoInRitardo,
        Integer giorniRitardo) {
}
