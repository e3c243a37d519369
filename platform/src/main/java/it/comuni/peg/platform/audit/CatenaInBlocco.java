package it.comuni.peg.platform.audit;

/**
 * The hash chain computed for rows written in bulk (the benchmark's synthetic store): the same
 * hash as {@link Sigillatore}, so that the chain of a generated store verifies like any other, and
 * the sealer finds its head at the last row instead of sealing a million events one by one.
 */
public final class CatenaInBlocco {

    private String ultimo;

    private CatenaInBlocco(String ultimo) {
        this.ultimo = ultimo;
    }

    /** Continues a chain whose last hash is {@code ultimoHash} (null: an empty chain). */
    public static CatenaInBlocco dopo(String ultimoHash) {
        return new CatenaInBlocco(ultimoHash == null ? EventoMemorizzato.GENESI : ultimoHash);
    }

    public String ultimo() {
        return ultimo;
    }

    /** Seals one stored row: returns its hash, which the next row will chain to. */
    public String sigilla(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String payloadType, String payloadRevision, String timeStamp, byte[] payload,
                          byte[] metaData) {
        ultimo = new EventoMemorizzato(globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                payloadType, payloadRevision, timeStamp, payload, metaData).hash(ultimo);
        return ultimo;
    }
}
