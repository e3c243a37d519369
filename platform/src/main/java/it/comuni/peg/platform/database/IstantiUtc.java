package it.comuni.peg.platform.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in the database's DATETIME(6) columns, always as UTC wall time, whatever the JVM's zone.
 * <p>
 * A DATETIME has no zone: MariaDB Connector/J turns a {@code java.sql.Timestamp} or an {@code Instant}
 * into wall time with the JVM's default zone (MariaDB CONJ-433; its Instant codec ignores even the
 * connection's {@code preserveInstants}), so two processes in different zones would write the same
 * instant as two different times and misread each other's. A {@code LocalDateTime} goes through
 * untouched (Connector/J's default {@code pureLocalDateTime}): this class converts on our side, in UTC,
 * as Hibernate does for the entities ({@code hibernate.jdbc.time_zone: UTC}). Microseconds are kept
 * (the columns' precision).
 */
public final class IstantiUtc {

    private IstantiUtc() {
    }

    /** The value to bind for {@code istante}: its UTC wall time; null stays null. */
    public static LocalDateTime colonna(Instant istante) {
        return istante == null ? null : LocalDateTime.ofInstant(istante, ZoneOffset.UTC);
    }

    /** The instant a column written by {@link #colonna} (or by Hibernate) holds; null when the column is NULL. */
    public static Instant leggi(ResultSet rs, int colonna) throws SQLException {
        LocalDateTime valore = rs.getObject(colonna, LocalDateTime.class);
        return valore == null ? null : valore.toInstant(ZoneOffset.UTC);
    }
}
