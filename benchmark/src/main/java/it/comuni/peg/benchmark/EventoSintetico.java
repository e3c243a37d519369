package it.comuni.peg.benchmark;

import java.time.Instant;

/**
 * A generated fact, who recorded it and when: the ente (codice IPA) acted in, the user, their role
 * there and the persona of the organigramma they acted as (null for none), as the metadata of an
 * event the API appends carry them.
 */
record EventoSintetico(Object payload, String ente, String utente, String ruolo, String persona, Instant istante) {

    EventoSintetico(Object payload, String ente, String utente, String ruolo, String persona) {
        this(payload, ente, utente, ruolo, persona, null);
    }

    EventoSintetico alle(Instant quando) {
        return new EventoSintetico(payload, ente, utente, ruolo, persona, quando);
    }
}
