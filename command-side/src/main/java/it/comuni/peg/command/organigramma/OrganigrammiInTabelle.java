package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.organigramma.DenominazioneRegistrata;
import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.organigramma.IncaricoConferito;
import it.comuni.peg.api.organigramma.IncaricoCorretto;
import it.comuni.peg.api.organigramma.IncaricoTerminato;
import it.comuni.peg.api.organigramma.PersonaCorretta;
import it.comuni.peg.api.organigramma.PersonaRegistrata;
import it.comuni.peg.api.organigramma.StrutturaChiusa;
import it.comuni.peg.api.organigramma.StrutturaIstituita;
import it.comuni.peg.api.organigramma.StrutturaRinominata;
import it.comuni.peg.api.organigramma.TipoStruttura;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Organigrammi} as tables ({@code comando_*}, Flyway V27) kept by the processing group
 * {@value #GRUPPO}, a <em>subscribing</em> processor ({@link OrganigrammiConfig}): Axon hands it the
 * organigramma's events while the unit of work that applied them prepares its commit, on the same
 * thread and in the same Spring transaction (the JPA transaction the event store appends in; JdbcTemplate
 * joins it). So the rows commit or roll back with the events, and a command handled after a handover
 * reads the handover, in this process or any other sharing the database. A failure here propagates and
 * rolls the command back: a former name already held by another ente (the table's unique key, which
 * also settles two enti claiming it at once) becomes the 409 {@link RegolaViolata}. The rows an event
 * adds are {@link RigheDiComando}'s, which the benchmark's bulk writer shares; the updates are here.
 * <p>
 * A subscribing processor sees only events published from now on: the tables are filled by the
 * commands that create the organigrammi (there were none before V27), and are not rebuilt by replay.
 */
@Component
@ProcessingGroup(OrganigrammiInTabelle.GRUPPO)
public class OrganigrammiInTabelle implements Organigrammi {

    /** The processing group of these tables: subscribing, not streaming. */
    public static final String GRUPPO = "organigrammi";

    private final JdbcTemplate jdbc;

    public OrganigrammiInTabelle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> codiceEnte(String nominato) {
        if (nominato == null || nominato.isBlank()) {
            return Optional.empty();
        }
        String nome = nominato.strip();
        List<String> codici = jdbc.queryForList("SELECT ente FROM comando_ente WHERE ente = ?"
                + " UNION ALL SELECT ente FROM comando_denominazione WHERE denominazione = ?", String.class, nome, nome);
        return codici.stream().findFirst();
    }

    @Override
    public Optional<StrutturaNota> struttura(String ente, String codice) {
        return jdbc.query("SELECT codice, nome, tipo, settore, dal, al FROM comando_struttura WHERE ente = ? AND codice = ?",
                (rs, i) -> new StrutturaNota(rs.getString(1), rs.getString(2), TipoStruttura.valueOf(rs.getString(3)) == TipoStruttura.UFFICIO,
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)), ente, codice)
                .stream().findFirst();
    }

    @Override
    public Optional<PersonaNota> persona(String ente, String identificativo) {
        return jdbc.query("SELECT identificativo, nome FROM comando_persona WHERE ente = ? AND identificativo = ?",
                (rs, i) -> new PersonaNota(rs.getString(1), rs.getString(2)), ente, identificativo).stream().findFirst();
    }

    @Override
    public List<PersonaNota> persone(String ente) {
        return jdbc.query("SELECT identificativo, nome FROM comando_persona WHERE ente = ? ORDER BY identificativo",
                (rs, i) -> new PersonaNota(rs.getString(1), rs.getString(2)), ente);
    }

    @Override
    public List<IncaricoNoto> incarichi(String ente, String struttura) {
        return jdbc.query("SELECT incarico, persona, dal, al FROM comando_incarico WHERE ente = ? AND struttura = ? ORDER BY dal, incarico",
                (rs, i) -> new IncaricoNoto(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)), ente, struttura);
    }

    @Override
    public Set<String> responsabili(String ente, String struttura, LocalDate giorno) {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT persona FROM comando_incarico WHERE ente = ? AND struttura = ?"
                + " AND dal <= ? AND (al IS NULL OR al >= ?) ORDER BY dal", String.class, ente, struttura, giorno, giorno));
    }

    // ---- the events, in the command's transaction ----

    @EventHandler
    void on(EnteRegistrato e) {
        inserisci(e);
    }

    @EventHandler
    void on(DenominazioneRegistrata e) {
        inserisci(e);
    }

    @EventHandler
    void on(StrutturaIstituita e) {
        inserisci(e);
    }

    @EventHandler
    void on(StrutturaRinominata e) {
        jdbc.update("UPDATE comando_struttura SET nome = ? WHERE ente = ? AND codice = ?", e.nome(), e.ente(), e.codice());
    }

    @EventHandler
    void on(StrutturaChiusa e) {
        jdbc.update("UPDATE comando_struttura SET al = ? WHERE ente = ? AND codice = ?", e.al(), e.ente(), e.codice());
    }

    @EventHandler
    void on(PersonaRegistrata e) {
        inserisci(e);
    }

    @EventHandler
    void on(PersonaCorretta e) {
        jdbc.update("UPDATE comando_persona SET nome = ? WHERE ente = ? AND identificativo = ?", e.nome(), e.ente(), e.identificativo());
    }

    @EventHandler
    void on(IncaricoConferito e) {
        inserisci(e);
    }

    @EventHandler
    void on(IncaricoTerminato e) {
        jdbc.update("UPDATE comando_incarico SET al = ? WHERE ente = ? AND incarico = ?", e.al(), e.ente(), e.incarico());
    }

    @EventHandler
    void on(IncaricoCorretto e) {
        jdbc.update("UPDATE comando_incarico SET persona = ?, dal = ?, al = ? WHERE ente = ? AND incarico = ?",
                e.dopo().persona(), e.dopo().dal(), e.dopo().al(), e.ente(), e.incarico());
    }

    /** The rows the event adds ({@link RigheDiComando}), one statement each. */
    private void inserisci(Object evento) {
        for (RigheDiComando.Riga riga : RigheDiComando.inserite(evento)) {
            try {
                jdbc.update(riga.tabella().insert(), riga.valori().toArray());
            } catch (DuplicateKeyException e) {
                if (riga.tabella() != RigheDiComando.Tabella.DENOMINAZIONE) {
                    throw e;
                }
                // the statement alone failed: the transaction is still usable to say who holds the name
                Object denominazione = riga.valori().get(0);
                String titolare = jdbc.queryForObject("SELECT ente FROM comando_denominazione WHERE denominazione = ?", String.class,
                        denominazione);
                throw new RegolaViolata("La denominazione '" + denominazione + "' è già dell'ente " + titolare);
            }
        }
    }
}
