package it.comuni.peg.benchmark;

import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.organigramma.IncaricoConferito;
import it.comuni.peg.api.organigramma.PersonaRegistrata;
import it.comuni.peg.api.organigramma.StrutturaIstituita;
import it.comuni.peg.platform.sicurezza.Accesso;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The rows that are not events but that the command side reads on every command, written in JDBC
 * batches on {@link ScritturaInBlocco}'s connection and committed with the events:
 * <ul>
 *   <li>the tables {@code comando_*} (Flyway V27) as {@code OrganigrammiInTabelle}, a subscribing
 *       processor, would have written them had the organigramma's events been appended through the
 *       command bus: events written straight into the store reach no subscribing processor, and a
 *       replay does not rebuild these tables. One row per {@link EnteRegistrato} (and per former
 *       denominazione), {@link StrutturaIstituita}, {@link PersonaRegistrata}, {@link IncaricoConferito},
 *       column for column as that class's handlers insert them;</li>
 *   <li>the table {@code accesso} (Flyway V26): which ente, role and persona each user of the store has,
 *       as the controllo di gestione would have granted them.</li>
 * </ul>
 * The generator records no other organigramma event (no renaming, closing, correction or end of an
 * incarico); one of those would need the update its handler makes, so it is refused here.
 */
final class TabelleInBlocco implements AutoCloseable {

    private final PreparedStatement enti;
    private final PreparedStatement denominazioni;
    private final PreparedStatement strutture;
    private final PreparedStatement persone;
    private final PreparedStatement incarichi;
    private final PreparedStatement accessi;
    private final List<PreparedStatement> tutte;

    TabelleInBlocco(Connection connessione) throws SQLException {
        enti = connessione.prepareStatement("INSERT INTO comando_ente (ente, nome) VALUES (?, ?)");
        denominazioni = connessione.prepareStatement("INSERT INTO comando_denominazione (denominazione, ente) VALUES (?, ?)");
        strutture = connessione.prepareStatement(
                "INSERT INTO comando_struttura (ente, codice, nome, tipo, settore, dal, al) VALUES (?, ?, ?, ?, ?, ?, ?)");
        persone = connessione.prepareStatement("INSERT INTO comando_persona (ente, identificativo, nome) VALUES (?, ?, ?)");
        incarichi = connessione.prepareStatement(
                "INSERT INTO comando_incarico (ente, incarico, struttura, persona, dal, al) VALUES (?, ?, ?, ?, ?, ?)");
        accessi = connessione.prepareStatement(
                "INSERT INTO accesso (utente, ente, ruolo, persona, concesso_da, concesso_il) VALUES (?, ?, ?, ?, ?, ?)");
        tutte = List.of(enti, denominazioni, strutture, persone, incarichi, accessi);
    }

    /**
     * Batches the {@code comando_*} rows of an event of the organigramma; any other payload (an
     * objective's) has none.
     *
     * @throws IllegalArgumentException for an organigramma event this class does not write
     */
    void applica(Object payload) throws SQLException {
        if (payload instanceof EnteRegistrato e) {
            riga(enti, e.ente(), e.nome());
            for (String d : e.denominazioniPrecedenti()) {
                riga(denominazioni, d, e.ente());
            }
        } else if (payload instanceof StrutturaIstituita e) {
            riga(strutture, e.ente(), e.codice(), e.nome(), e.tipo().name(), e.settore(), e.dal(), e.al());
        } else if (payload instanceof PersonaRegistrata e) {
            riga(persone, e.ente(), e.identificativo(), e.nome());
        } else if (payload instanceof IncaricoConferito e) {
            riga(incarichi, e.ente(), e.incarico(), e.struttura(), e.persona(), e.dal(), e.al());
        } else if (payload.getClass().getPackageName().equals(EnteRegistrato.class.getPackageName())) {
            throw new IllegalArgumentException("Il benchmark non scrive le righe di comando di " + payload.getClass().getSimpleName());
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
