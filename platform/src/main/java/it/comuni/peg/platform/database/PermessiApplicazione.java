package it.comuni.peg.platform.database;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * After every migration, as the schema owner, grants the application user what it needs on every
 * table of the schema, so that a table a new migration adds is never forgotten: append and read
 * only on the facts (the event store, its sequence, the chain of seals), read only on Flyway's
 * history, read and write on everything derived (projections, tokens, dead letters, idempotent
 * answers). Off unless {@code peg.database.utente-applicazione} names the user ({@code
 * peg_app@%}); the owner needs GRANT OPTION on the schema (ops/database/utenti.sql).
 */
@Component
public class PermessiApplicazione implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(PermessiApplicazione.class);
    /** Append and read only: no UPDATE, no DELETE, ever. */
    public static final Set<String> FATTI = Set.of("domain_event_entry", "domain_event_entry_seq", "sigillo_evento",
            "checkpoint_firmato");
    private static final String STORIA_MIGRAZIONI = "flyway_schema_history";

    private final String utente;

    public PermessiApplicazione(@Value("${peg.database.utente-applicazione:}") String utente) {
        this.utente = utente.isBlank() ? null : destinatario(utente.trim());
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && utente != null;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connessione = context.getConnection();
        try (Statement st = connessione.createStatement()) {
            for (String tabella : tabelle(connessione)) {
                String permessi = FATTI.contains(tabella) ? "SELECT, INSERT"
                        : STORIA_MIGRAZIONI.equals(tabella) ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE";
                st.execute("GRANT " + permessi + " ON `" + tabella + "` TO " + utente);
            }
            LOG.info("Permessi dell'utente {} allineati alle tabelle dello schema", utente);
        } catch (SQLException e) {
            throw new IllegalStateException("Impossibile concedere i permessi a " + utente
                    + ": il proprietario dello schema ha GRANT OPTION? (ops/database/utenti.sql)", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "permessi-applicazione";
    }

    private static List<String> tabelle(Connection connessione) throws SQLException {
        List<String> tabelle = new ArrayList<>();
        try (Statement st = connessione.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            while (rs.next()) {
                tabelle.add(rs.getString(1));
            }
        }
        return tabelle;
    }

    /** {@code peg_app@%} as {@code 'peg_app'@'%'}; only plain names, never SQL. */
    private static String destinatario(String valore) {
        String[] parti = valore.split("@", 2);
        String host = parti.length > 1 ? parti[1] : "%";
        if (!parti[0].matches("[A-Za-z0-9_.-]{1,80}") || !host.matches("[A-Za-z0-9_.%:-]{1,255}")) {
            throw new IllegalArgumentException("peg.database.utente-applicazione non valido: " + valore);
        }
        return "'" + parti[0] + "'@'" + host + "'";
    }
}
