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

    /** The same outcome without the identity of the aggregate (and so of the ente) where the chain breaks. */
    public EsitoVerifica senzaDettagliDegliAggregati() {
        return primaAnomalia == null ? this : new EsitoVerifica(integra, eventiVerificati, eventiInAttesaDiSigillo, indiceDiTesta,
                hashDiTesta, new Anomalia(primaAnomalia.tipo(), primaAnomalia.globalIndex(), null, null, null, primaAnomalia.messaggio()));
    }

    /** The first event where the stored history no longer matches its seal. */
    public record Anomalia(String tipo, long globalIndex, String eventIdentifier, String aggregato, Long sequenza,
                           String messaggio) {
    }
}
