package it.comuni.peg.query.proiezione;

import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which projections this process cannot read now: the ones it is rebuilding (until the rebuild has
 * reached the head of the store it started from), and the ones another process is rebuilding on the
 * same database (their rows are being rewritten under it). Their reads answer 503.
 */
@Component
public class Disponibilita {

    private final Set<String> inRicostruzione = ConcurrentHashMap.newKeySet();
    private final Set<String> ricostruiteAltrove = ConcurrentHashMap.newKeySet();

    /** Throws {@link ProiezioneInRicostruzione} (a 503) when the projection is being rebuilt, here or elsewhere. */
    public void richiedi(String proiezione) {
        if (inRicostruzione.contains(proiezione) || ricostruiteAltrove.contains(proiezione)) {
            throw new ProiezioneInRicostruzione(proiezione);
        }
    }

    /** Whether this process is rebuilding the projection. */
    public boolean inRicostruzione(String proiezione) {
        return inRicostruzione.contains(proiezione);
    }

    public void inizia(String proiezione) {
        inRicostruzione.add(proiezione);
    }

    public void termina(String proiezione) {
        inRicostruzione.remove(proiezione);
    }

    /** Another process is rebuilding the projection: this one pauses it, and its reads answer 503. */
    public void sospendi(String proiezione) {
        ricostruiteAltrove.add(proiezione);
    }

    /** The other process's rebuild is over (or abandoned): reads answer again. */
    public void riprendi(String proiezione) {
        ricostruiteAltrove.remove(proiezione);
    }
}
