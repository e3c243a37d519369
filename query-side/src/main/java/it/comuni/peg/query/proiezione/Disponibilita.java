package it.comuni.peg.query.proiezione;

import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which projections are being rebuilt by this process: their reads answer 503 until the rebuild
 * has reached the head of the store it started from.
 */
@Component
public class Disponibilita {

    private final Set<String> inRicostruzione = ConcurrentHashMap.newKeySet();

    public void richiedi(String proiezione) {
        if (inRicostruzione.contains(proiezione)) {
            throw new ProiezioneInRicostruzione(proiezione);
        }
    }

    public boolean inRicostruzione(String proiezione) {
        return inRicostruzione.contains(proiezione);
    }

    public void inizia(String proiezione) {
        inRicostruzione.add(proiezione);
    }

    public void termina(String proiezione) {
        inRicostruzione.remove(proiezione);
    }
}
