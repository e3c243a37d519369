package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.organigramma.DenominazioneRegistrata;
import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.organigramma.IncaricoConferito;
import it.comuni.peg.api.organigramma.PersonaRegistrata;
import it.comuni.peg.api.organigramma.StrutturaIstituita;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rows an event of the organigramma inserts into the tables {@code comando_*} (Flyway V27), column for
 * column: the one place that maps an event to those tables' columns. {@link OrganigrammiInTabelle} runs
 * them in the command's transaction; the benchmark, which writes its events straight into the store
 * where no subscribing processor sees them, batches the same rows beside them.
 * <p>
 * Only the events that add a row have rows here ({@link EnteRegistrato} with its former denominazioni,
 * {@link DenominazioneRegistrata}, {@link StrutturaIstituita}, {@link PersonaRegistrata},
 * {@link IncaricoConferito}); the ones that change a row already there (renaming, closing, correction,
 * end of an incarico) and any other payload have none: their updates belong to {@link OrganigrammiInTabelle}.
 */
public final class RigheDiComando {

    private RigheDiComando() {
    }

    /** A table {@code comando_*} and the statement that inserts one of its rows, its columns in the order of {@link Riga#valori()}. */
    public enum Tabella {
        ENTE("INSERT INTO comando_ente (ente, nome) VALUES (?, ?)"),
        DENOMINAZIONE("INSERT INTO comando_denominazione (denominazione, ente) VALUES (?, ?)"),
        STRUTTURA("INSERT INTO comando_struttura (ente, codice, nome, tipo, settore, dal, al) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        PERSONA("INSERT INTO comando_persona (ente, identificativo, nome) VALUES (?, ?, ?)"),
        INCARICO("INSERT INTO comando_incarico (ente, incarico, struttura, persona, dal, al) VALUES (?, ?, ?, ?, ?, ?)");

        private final String insert;

        Tabella(String insert) {
            this.insert = insert;
        }

        /** The parameterised {@code INSERT}, one {@code ?} per value of a {@link Riga} of this table. */
        public String insert() {
            return insert;
        }
    }

    /**
     * One row to insert: the values of {@link Tabella#insert()}'s parameters in order, each a
     * {@code String}, a {@code LocalDate} (for {@code dal} and {@code al}) or {@code null} (an optional column left empty).
     */
    public record Riga(Tabella tabella, List<Object> valori) {

        Riga(Tabella tabella, Object... valori) {
            // Arrays.asList, not List.of: an optional column (settore, al) binds a null
            this(tabella, Collections.unmodifiableList(Arrays.asList(valori)));
        }
    }

    /** The rows {@code evento} inserts, in the order they are to be written; empty for an event that inserts none. */
    public static List<Riga> inserite(Object evento) {
        if (evento instanceof EnteRegistrato e) {
            List<Riga> righe = new ArrayList<>();
            righe.add(new Riga(Tabella.ENTE, e.ente(), e.nome()));
            e.denominazioniPrecedenti().forEach(d -> righe.add(denominazione(e.ente(), d)));
            return righe;
        }
        if (evento instanceof DenominazioneRegistrata e) {
            return List.of(denominazione(e.ente(), e.denominazione()));
        }
        if (evento instanceof StrutturaIstituita e) {
            return List.of(new Riga(Tabella.STRUTTURA, e.ente(), e.codice(), e.nome(), e.tipo().name(), e.settore(), e.dal(), e.al()));
        }
        if (evento instanceof PersonaRegistrata e) {
            return List.of(new Riga(Tabella.PERSONA, e.ente(), e.identificativo(), e.nome()));
        }
        if (evento instanceof IncaricoConferito e) {
            return List.of(new Riga(Tabella.INCARICO, e.ente(), e.incarico(), e.struttura(), e.persona(), e.dal(), e.al()));
        }
        return List.of();
    }

    private static Riga denominazione(String ente, String denominazione) {
        return new Riga(Tabella.DENOMINAZIONE, denominazione, ente);
    }
}
