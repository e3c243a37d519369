package it.comuni.peg.benchmark;

import it.comuni.peg.platform.audit.CatenaInBlocco;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.database.IstantiUtc;
import it.comuni.peg.platform.sicurezza.Accesso;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Appends generated events straight into domain_event_entry with JDBC batches, serialized by the
 * event store's own serializer exactly as Axon writes them, and seals each into the hash chain in
 * the same transaction, as the sealer would; the rows the command side keeps beside the events
 * (the organigrammi's {@code comando_*}, the users' {@code accesso}) go in the same transactions
 * ({@link TabelleInBlocco}). Only for an empty store that nothing else writes to meanwhile: the
 * global index is handed out here, and the sequence is moved past it at the end.
 */
final class ScritturaInBlocco implements AutoCloseable {

    private static final int BATCH = 1000;
    private static final String EVENTO = "INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SIGILLO = "INSERT INTO sigillo_evento (global_index, hash, hash_precedente, sigillato_il)"
            + " VALUES (?, ?, ?, ?)";

    private final Serializer serializer;
    private final Connection connessione;
    private final PreparedStatement eventi;
    private final PreparedStatement sigilli;
    private final TabelleInBlocco tabelle;
    private final CatenaInBlocco catena = CatenaInBlocco.dopo(null);
    private final Random caso;
    private final LocalDateTime adesso = IstantiUtc.colonna(Instant.now());
    private long prossimoIndice;
    private long inSospeso;
    private long scritti;
    private boolean chiusa;

    ScritturaInBlocco(DataSource dataSource, Serializer serializer, long seme) throws SQLException {
        this.serializer = serializer;
        // not the seed of the objectives' ids: an event id equal to its aggregate's id makes Axon read the
        // event back as one without an aggregate
        this.caso = new Random(~seme);
        this.connessione = dataSource.getConnection();
        try (Statement s = connessione.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("Il benchmark genera il suo store in un database vuoto: "
                            + "usare una cartella dati nuova");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT NEXTVAL(domain_event_entry_seq)")) {
                rs.next();
                prossimoIndice = rs.getLong(1);
            }
        }
        connessione.setAutoCommit(false);
        this.eventi = connessione.prepareStatement(EVENTO);
        this.sigilli = connessione.prepareStatement(SIGILLO);
        this.tabelle = new TabelleInBlocco(connessione);
    }

    /**
     * Appends event {@code e} as number {@code sequenza} of the stream {@code aggregato} of aggregate
     * type {@code tipoAggregato} ({@code Obiettivo}, {@code Organigramma}: the aggregate's class name,
     * as Axon records it), with the metadata the correlation data providers would have copied from its
     * command, and the {@code comando_*} rows it would have produced ({@link TabelleInBlocco}).
     */
    void scrivi(String aggregato, String tipoAggregato, long sequenza, EventoSintetico e) throws SQLException {
        long indice = prossimoIndice++;
        String identificativo = new UUID(caso.nextLong(), caso.nextLong()).toString();
        SerializedObject<byte[]> payload = serializer.serialize(e.payload(), byte[].class);
        MetaData metadati = MetaData.from(Map.of(
                Metadati.UTENTE, e.utente(), Metadati.ENTE, e.ente(), Metadati.RUOLO, e.ruolo(), "correlationId", identificativo,
                "traceId", identificativo, Metadati.RICHIESTA, Long.toHexString(caso.nextLong())));
        if (e.persona() != null) {
            metadati = metadati.and(Metadati.PERSONA, e.persona());
        }
        byte[] meta = serializer.serialize(metadati, byte[].class).getData();
        String istante = DateTimeUtils.formatInstant(e.istante());
        String tipo = payload.getType().getName();
        String revisione = payload.getType().getRevision();
        eventi.setLong(1, indice);
        eventi.setString(2, identificativo);
        eventi.setString(3, aggregato);
        eventi.setLong(4, sequenza);
        eventi.setString(5, tipoAggregato);
        eventi.setString(6, istante);
        eventi.setString(7, tipo);
        eventi.setString(8, revisione);
        eventi.setBytes(9, payload.getData());
        eventi.setBytes(10, meta);
        eventi.addBatch();
        String precedente = catena.ultimo();
        String hash = catena.sigilla(indice, identificativo, aggregato, sequenza, tipoAggregato, tipo, revisione, istante,
                payload.getData(), meta);
        sigilli.setLong(1, indice);
        sigilli.setString(2, hash);
        sigilli.setString(3, precedente);
        sigilli.setObject(4, adesso);
        sigilli.addBatch();
        tabelle.applica(e.payload());
        scritti++;
        avanza();
    }

    /** Grants the user their standing in an ente (a row of {@code accesso}), committed with the events around it. */
    void concedi(String utente, Accesso accesso, String da) throws SQLException {
        tabelle.concedi(utente, accesso, da, adesso);
        avanza();
    }

    private void avanza() throws SQLException {
        if (++inSospeso == BATCH) {
            svuota();
        }
    }

    long scritti() {
        return scritti;
    }

    /** The global index of the last event written. */
    long ultimoIndice() {
        return prossimoIndice - 1;
    }

    private void svuota() throws SQLException {
        if (inSospeso > 0) {
            eventi.executeBatch();
            sigilli.executeBatch();
            tabelle.esegui();
            connessione.commit();
            inSospeso = 0;
        }
    }

    /** Commits what is left and moves the sequence past the last index, so Axon appends after it. */
    @Override
    public void close() throws SQLException {
        if (chiusa) {
            return;
        }
        chiusa = true;
        try {
            svuota();
            try (Statement s = connessione.createStatement()) {
                s.execute("SELECT SETVAL(domain_event_entry_seq, " + ultimoIndice() + ")");
            }
            connessione.commit();
        } finally {
            eventi.close();
            sigilli.close();
            tabelle.close();
            connessione.setAutoCommit(true);
            connessione.close();
        }
    }
}
