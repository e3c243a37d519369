package it.comuni.peg.query.replay;

import java.util.List;

/**
 * A rebuild not started because other processes hold the projection (answered 409): nothing was
 * changed, and this process goes on as before. {@code processi} names them as the token store does
 * ({@code pid@host}).
 */
public class RicostruzioneRifiutata extends RuntimeException {

    private final List<String> proiezioni;
    private final List<String> processi;

    public RicostruzioneRifiutata(String messaggio, List<String> proiezioni, List<String> processi) {
        super(messaggio);
        this.proiezioni = List.copyOf(proiezioni);
        this.processi = List.copyOf(processi);
    }

    public List<String> proiezioni() {
        return proiezioni;
    }

    public List<String> processi() {
        return processi;
    }
}
