package it.comuni.peg.platform.audit;

import it.comuni.peg.platform.database.SenzaDatabaseEsterno;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The copy of every checkpoint outside the database: one file per checkpoint, never rewritten, in
 * {@code peg.audit.checkpoint.esportazione} (by default {@code <peg.database.incorporato.cartella>/checkpoint}
 * on the embedded database; none on an external one unless configured, with a WARN).
 * <p>
 * Each file holds the receipt and, for every event after the previous checkpoint up to this one, its
 * chain hash with its global index, aggregate, sequence and payload type. Why: the signed head hash
 * proves that something up to it changed, but not what; a rewrite that recomputes the whole chain
 * leaves no trace inside the database. Comparing the chain recomputed from the rows with these hashes,
 * the first one that differs is the event that was altered, inserted or (being absent) deleted. A plain
 * list rather than a Merkle tree: the locating walk reads the whole store anyway, and a list is what an
 * auditor can read. The hashes are not signed one by one: they only locate; what proves is the
 * signed head they must lead to, and a file whose receipt does not verify is ignored.
 * <p>
 * File name: {@code checkpoint-<global index, 12 digits>-<epoch ms>.json}, created new (an existing file
 * is never replaced, even after a database restore makes the same index come round again).
 */
@Component
public class EsportazioneCheckpoint {

    private static final Logger LOG = LoggerFactory.getLogger(EsportazioneCheckpoint.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Path cartella;

    public EsportazioneCheckpoint(JdbcTemplate jdbc, Environment ambiente) {
        this.jdbc = jdbc;
        String configurata = ambiente.getProperty("peg.audit.checkpoint.esportazione", "");
        if (!configurata.isBlank()) {
            cartella = Path.of(configurata.strip()).toAbsolutePath();
        } else if (SenzaDatabaseEsterno.vale(ambiente)) {
            cartella = Path.of(ambiente.getProperty("peg.database.incorporato.cartella", "data"), "checkpoint").toAbsolutePath();
        } else {
            cartella = null;
            LOG.warn("Nessuna cartella di esportazione dei checkpoint (peg.audit.checkpoint.esportazione): le ricevute"
                    + " rivelano una manomissione ma non sanno indicare l'evento manomesso");
        }
    }

    /** The folder, when there is one. */
    public Optional<Path> cartella() {
        return Optional.ofNullable(cartella);
    }

    /**
     * Writes the checkpoint's file: the receipt and the per-event hashes of the sealed events in
     * ({@code precedente}, {@code ricevuta.indice()}], read from the seals just made. Returns its name.
     */
    String esporta(Ricevuta ricevuta, long precedente) {
        if (cartella == null) {
            return null;
        }
        try {
            Files.createDirectories(cartella);
            String nome = "checkpoint-%012d-%d.json".formatted(ricevuta.indice(), ricevuta.presaIl().toEpochMilli());
            Path provvisorio = Files.createTempFile(cartella, ".checkpoint", ".tmp");
            try (OutputStream out = Files.newOutputStream(provvisorio); JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeName("ricevuta");
                g.writePOJO(ricevuta);
                g.writeNumberProperty("precedente", precedente);
                g.writeName("eventi");
                g.writeStartArray();
                jdbc.query("SELECT s.global_index, s.hash, e.aggregate_identifier, e.sequence_number, e.payload_type"
                        + " FROM sigillo_evento s JOIN domain_event_entry e ON e.global_index = s.global_index"
                        + " WHERE s.global_index > ? AND s.global_index <= ? ORDER BY s.global_index", rs -> {
                    g.writeStartObject();
                    g.writeNumberProperty("indice", rs.getLong(1));
                    g.writeStringProperty("hash", rs.getString(2));
                    g.writeStringProperty("aggregato", rs.getString(3));
                    g.writeNumberProperty("sequenza", rs.getLong(4));
                    g.writeStringProperty("tipo", rs.getString(5));
                    g.writeEndObject();
                }, precedente, ricevuta.indice());
                g.writeEndArray();
                g.writeEndObject();
            }
            Files.move(provvisorio, cartella.resolve(nome));
            return nome;
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint non esportato in " + cartella + ": " + e.getMessage(), e);
        }
    }

    /** The names of the exported files, oldest index first. */
    public List<String> elenco() {
        if (cartella == null || !Files.isDirectory(cartella)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cartella)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("checkpoint-") && n.endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One exported file by name, if it is one of {@link #elenco()}. */
    public Optional<Path> file(String nome) {
        return elenco().contains(nome) ? Optional.of(cartella.resolve(nome)) : Optional.empty();
    }

    /**
     * The per-event hashes up to {@code fino} from every exported file whose receipt is signed by
     * {@code pubblica}, by global index. Files that do not parse or do not verify are skipped with a WARN.
     */
    TreeMap<Long, EventoEsportato> eventiFino(long fino, PublicKey pubblica) {
        TreeMap<Long, EventoEsportato> eventi = new TreeMap<>();
        for (String nome : elenco()) {
            try {
                JsonNode radice = JSON.readTree(cartella.resolve(nome).toFile());
                Ricevuta r = JSON.treeToValue(radice.get("ricevuta"), Ricevuta.class);
                if (!ChiaveDiFirma.verifica(pubblica, r.messaggio(), r.firmaInByte())) {
                    LOG.warn("Checkpoint esportato {} con firma non valida: ignorato", nome);
                    continue;
                }
                for (JsonNode e : radice.get("eventi")) {
                    long indice = e.get("indice").asLong();
                    if (indice <= fino) {
                        eventi.put(indice, new EventoEsportato(indice, e.get("hash").asText(), e.get("aggregato").asText(),
                                e.get("sequenza").asLong(), e.get("tipo").asText()));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Checkpoint esportato {} illeggibile: ignorato ({})", nome, e.getMessage());
            }
        }
        return eventi;
    }

    /** One event as a checkpoint file recorded it. */
    record EventoEsportato(long indice, String hash, String aggregato, long sequenza, String tipo) {
    }
}
