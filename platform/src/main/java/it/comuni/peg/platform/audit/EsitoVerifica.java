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
                hashDiTesta, primaAnomalia.senzaAggregato());
    }

    /**
     * The first event where the stored history no longer matches its seal (or a receipt's exported
     * hashes): ALTERATO, MANCANTE or INSERITO, its global index, identifier, aggregate, sequence and
     * payload type where known (a deleted event is known only from an exported checkpoint).
     */
    public record Anomalia(String tipo, long globalIndex, String eventIdentifier, String aggregato, Long sequenza,
                           String messaggio, String tipoEvento) {

        /** Without the identity of the aggregate (and so of the ente). */
        public Anomalia senzaAggregato() {
            return new Anomalia(tipo, globalIndex, null, null, null, messaggio, tipoEvento);
        }
    }
}
