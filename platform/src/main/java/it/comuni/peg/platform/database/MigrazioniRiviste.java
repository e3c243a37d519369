package it.comuni.peg.platform.database;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The migrations revised after databases had applied them, each revision listed with the checksum
 * Flyway recorded before it and the one of the file as it is now. Before Flyway validates, a
 * database that applied the old text gets the new checksum in {@code flyway_schema_history}, for
 * exactly that version and exactly that old checksum; any other difference still fails
 * validation, as Flyway intends. The schema itself is not touched: each revision must leave an
 * already migrated database as it is (the test {@code MigrazioniRivisteTest} computes the new
 * checksums from the files with Flyway's own calculator).
 */
@Component
public class MigrazioniRiviste implements Callback {

    /**
     * One revision of an applied migration.
     *
     * @param versione       Flyway's version, e.g. {@code "1"}
     * @param checksumPrima  the checksum recorded by databases that applied the old text
     * @param checksumDopo   the checksum of the file as shipped now
     * @param perche         why it was revised, for the log
     */
    public record Revisione(String versione, int checksumPrima, int checksumDopo, String perche) {
    }

    /**
     * V1: the sequence of Axon's saga associations became NOCACHE, the only form a MariaDB Galera
     * cluster accepts for a sequence ("CACHE without INCREMENT BY 0 in Galera cluster", MDEV-27862).
     * On a database where V1 ran already the sequence keeps its cache: nothing uses it (no sagas).
     */
    public static final List<Revisione> REVISIONI = List.of(
            new Revisione("1", 79540961, -533319828, "sequenza association_value_entry_seq NOCACHE per Galera"));

    private static final Logger LOG = LoggerFactory.getLogger(MigrazioniRiviste.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connessione = context.getConnection();
        try {
            if (!storiaPresente(connessione)) {
                return;
            }
            for (Revisione r : REVISIONI) {
                try (PreparedStatement st = connessione.prepareStatement(
                        "UPDATE flyway_schema_history SET checksum = ? WHERE version = ? AND checksum = ? AND success = 1")) {
                    st.setInt(1, r.checksumDopo());
                    st.setString(2, r.versione());
                    st.setInt(3, r.checksumPrima());
                    if (st.executeUpdate() > 0) {
                        LOG.info("Migrazione V{} rivista dopo l'applicazione ({}): checksum allineato", r.versione(), r.perche());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Impossibile allineare i checksum delle migrazioni riviste", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "migrazioni-riviste";
    }

    private static boolean storiaPresente(Connection connessione) throws SQLException {
        try (PreparedStatement st = connessione.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'flyway_schema_history'");
             ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }
}
