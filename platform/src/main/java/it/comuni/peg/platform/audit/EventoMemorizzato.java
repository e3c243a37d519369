package it.comuni.peg.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/** One row of domain_event_entry exactly as stored: what the chain seals, byte for byte. */
record EventoMemorizzato(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                         String type, String payloadType, String payloadRevision, String timeStamp, byte[] payload,
                         byte[] metaData) {

    static final String GENESI = "0".repeat(64);
    static final String COLONNE = "global_index, event_identifier, aggregate_identifier, sequence_number, type,"
            + " payload_type, payload_revision, time_stamp, payload, meta_data";

    static EventoMemorizzato da(ResultSet rs) throws SQLException {
        return new EventoMemorizzato(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                rs.getBytes("payload"), rs.getBytes("meta_data"));
    }

    /**
     * SHA-256 of the previous hash and every stored field, each length-prefixed so that no two
     * different rows can be made to hash alike by moving bytes from one field to the next.
     */
    String hash(String hashPrecedente) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            campo(sha, hashPrecedente.getBytes(StandardCharsets.US_ASCII));
            campo(sha, Long.toString(globalIndex).getBytes(StandardCharsets.US_ASCII));
            campo(sha, testo(eventIdentifier));
            campo(sha, testo(aggregateIdentifier));
            campo(sha, Long.toString(sequenceNumber).getBytes(StandardCharsets.US_ASCII));
            campo(sha, testo(type));
            campo(sha, testo(payloadType));
            campo(sha, testo(payloadRevision));
            campo(sha, testo(timeStamp));
            campo(sha, payload);
            campo(sha, metaData);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] testo(String valore) {
        return valore == null ? null : valore.getBytes(StandardCharsets.UTF_8);
    }

    private static void campo(MessageDigest sha, byte[] valore) {
        sha.update(ByteBuffer.allocate(4).putInt(valore == null ? -1 : valore.length).array());
        if (valore != null) {
            sha.update(valore);
        }
    }
}
