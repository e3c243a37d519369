package it.comuni.peg.platform.processori;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where the event processors stand, read from the tables every node shares (token_entry and the event
 * store) rather than from this process's memory: the truth whichever node asks, whether the processor
 * runs here or on another node, and also while a segment is held by nobody (released after an error,
 * its node gone).
 */
@Component
public class TokenCondivisi {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public TokenCondivisi(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The highest global index in the store, -1 when it is empty: where every processor should be. */
    public long testa() {
        Long testa = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        return testa == null ? -1 : testa;
    }

    /** Each segment of {@code processore} in token_entry, by segment id; empty before its first start. */
    public List<SegmentoNelloStore> segmenti(String processore) {
        return jdbc.query("SELECT segment, token, token_type, owner FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, i) -> new SegmentoNelloStore(rs.getInt(1), posizione(rs.getBytes(2), rs.getString(3)), rs.getString(4)),
                processore);
    }

    /** How many segments {@code processore} has in token_entry (0 before its first start), without reading the tokens. */
    public int numeroSegmenti(String processore) {
        Integer segmenti = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, processore);
        return segmenti == null ? 0 : segmenti;
    }

    /** The nodes other than {@code nodo} that hold a claim on a segment of {@code processore} now, sorted. */
    public List<String> altriProprietari(String processore, String nodo) {
        return jdbc.queryForList("SELECT DISTINCT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL"
                + " AND owner <> ? ORDER BY owner", String.class, processore, nodo);
    }

    /** The position of the slowest segment (-1 for a token at the tail); null when the processor has no segment. */
    public Long posizione(String processore) {
        return segmenti(processore).stream().map(s -> s.posizione() == null ? -1L : s.posizione())
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private Long posizione(byte[] token, String tipo) {
        if (token == null || tipo == null) {
            return null;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tipo, null));
        OptionalLong posizione = tracking == null ? OptionalLong.empty() : tracking.position();
        return posizione.isPresent() ? posizione.getAsLong() : null;
    }

    /**
     * One row of token_entry: the segment's id, its token's position (null for a token at the tail, which
     * has none) and the node holding its claim (null when none does: released, or never claimed).
     */
    public record SegmentoNelloStore(int segmento, Long posizione, String nodo) {
    }
}
