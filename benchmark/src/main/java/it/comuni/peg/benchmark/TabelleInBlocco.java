package it.comuni.peg.benchmark;

import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.command.organigramma.RigheDiComando;
import it.comuni.peg.platform.sicurezza.Accesso;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows that are not events but that the command side reads on every command, written in JDBC
 * batches on {@link ScritturaInBlocco}'s connection and committed with the events:
 * <ul>
 *   <li>the tables {@code comando_*} (Flyway V27) as {@code OrganigrammiInTabelle}, a subscribing
 *       processor, would have written them had the organigramma's events been appended through the
 *       command bus: events written straight into the store reach no subscribing processor, and a
 *       replay does not rebuild these tables. The rows are the ones that class inserts, from the same
 *       {@link RigheDiComando};</li>
 *   <li>the table {@code accesso} (Flyway V26): which ente, role and persona each user of the store has,
 *       as the controllo di gestione would have granted them.</li>
 * </ul>
 * The generator records no organigramma event that changes a row already there (no renaming, closing,
 * correction or end of an incarico); one of those would need the update its handler makes, so it is
 * refused here.
 */
final class TabelleInBlocco implements AutoCloseable {

    private final Map<RigheDiComando.Tabella, PreparedStatement> comando = new EnumMap<>(RigheDiComando.Tabella.class);
    private final PreparedStatement accessi;
    /** In the order their batches are sent: the tables in {@link RigheDiComando.Tabella}'s order, then {@code accesso}. */
    private final List<PreparedStatement> tutte = new ArrayList<>();

    TabelleInBlocco(Connection connessione) throws SQLException {
        for (RigheDiComando.Tabella t : RigheDiComando.Tabella.values()) {
            comando.put(t, connessione.prepareStatement(t.insert()));
        }
        accessi = connessione.prepareStatement(
                "INSERT INTO accesso (utente, ente, ruolo, persona, concesso_da, concesso_il) VALUES (?, ?, ?, ?, ?, ?)");
        tutte.addAll(comando.values());
        tutte.add(accessi);
    }

    /**
     * Batches the {@code comando_*} rows of an event of the organigramma; any other payload (an
     * objective's) has none.
     *
     * @throws IllegalArgumentException for an organigramma event this class does not write
     */
    void applica(Object payload) throws SQLException {
        List<RigheDiComando.Riga> righe = RigheDiComando.inserite(payload);
        if (righe.isEmpty() && payload.getClass().getPackageName().equals(EnteRegistrato.class.getPackageName())) {
            throw new IllegalArgumentException("Il benchmark non scrive le righe di comando di " + payload.getClass().getSimpleName());
        }
        for (RigheDiComando.Riga r : righe) {
            riga(comando.get(r.tabella()), r.valori().toArray());
        }
    }

    /** Batches the user's row of {@code accesso}, granted by {@code da} at {@code il} (UTC). */
    void concedi(String utente, Accesso accesso, String da, LocalDateTime il) throws SQLException {
        riga(accessi, utente, accesso.ente(), accesso.ruolo().name(), accesso.persona(), da, il);
    }

    /** Sends every batched row; the caller commits. */
    void esegui() throws SQLException {
        for (PreparedStatement p : tutte) {
            p.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement p : tutte) {
            p.close();
        }
    }

    private static void riga(PreparedStatement p, Object... valori) throws SQLException {
        for (int i = 0; i < valori.length; i++) {
            if (valori[i] == null) {
                p.setNull(i + 1, Types.VARCHAR);
            } else {
                // strings, and dates (LocalDate, LocalDateTime) as the driver maps them to DATE and DATETIME
                p.setObject(i + 1, valori[i]);
            }
        }
        p.addBatch();
    }
}
