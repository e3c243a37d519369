package it.comuni.peg.platform.audit;

/**
 * The outcome of a verification of the chain. {@code hashDiTesta} is the hash of the last sealed
 * event: the nucleo writes it in its minutes and, later, checks that the chain still leads to it.
 */
public record EsitoVerifica(
        boolean integra,
        long eventiVerificati,
        long eventiInAttesaDiSigillo,
        Long indiceDiTesta,
        String hashDiTesta,
        Anomalia primaAnomalia) {

    /** The first event where the stored history no longer matches its seal. */
    public record Anomalia(String tipo, long globalIndex, String eventIdentifier, String aggregato, Long sequenza,
                           String messaggio) {
    }
}
