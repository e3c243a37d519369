package it.comuni.peg.benchmark;

import java.time.Instant;

/** A generated fact, who recorded it and when. */
record EventoSintetico(Object payload, String utente, String ruolo, String persona, Instant istante) {

    EventoSintetico(Object payload, String utente, String ruolo, String persona) {
        this(payload, utente, ruolo, persona, null);
    }

    EventoSintetico alle(Instant quando) {
        return new EventoSintetico(payload, utente, ruolo, persona, quando);
    }
}
