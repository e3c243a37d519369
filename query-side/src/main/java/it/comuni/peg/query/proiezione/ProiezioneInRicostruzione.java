package it.comuni.peg.query.proiezione;

/** A read that would see a half-built view: the API answers 503 instead. */
public class ProiezioneInRicostruzione extends RuntimeException {

    private final String proiezione;

    public ProiezioneInRicostruzione(String proiezione) {
        super("La proiezione '" + proiezione + "' è in ricostruzione: riprovare al termine");
        this.proiezione = proiezione;
    }

    public String proiezione() {
        return proiezione;
    }
}
