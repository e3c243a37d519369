package it.comuni.peg.query.organigramma;

import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the projection "organigramma". */
@Service
@Transactional(readOnly = true)
public class OrganigrammaQueries {

    private static final String INCARICHI = "SELECT i.incarico, i.struttura, i.persona, p.nome, i.tipo, i.dal, i.al, i.atto"
            + " FROM organigramma_incarico i LEFT JOIN organigramma_persona p ON p.ente = i.ente AND p.identificativo = i.persona"
            + " WHERE i.ente = ?";
    private static final RowMapper<OrganigrammaAlGiorno.Incarico> INCARICO = (rs, i) -> new OrganigrammaAlGiorno.Incarico(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), TipoIncarico.valueOf(rs.getString(5)),
            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8));

    private final JdbcTemplate jdbc;
    private final Enti enti;

    public OrganigrammaQueries(JdbcTemplate jdbc, Enti enti) {
        this.jdbc = jdbc;
        this.enti = enti;
    }

    /** The ente's organigramma on {@code giorno}; empty when no such ente is registered. */
    public Optional<OrganigrammaAlGiorno> alGiorno(String ente, LocalDate giorno) {
        Optional<String> nome = enti.nome(ente);
        if (nome.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<OrganigrammaAlGiorno.Incarico>> perStruttura = new LinkedHashMap<>();
        jdbc.query(INCARICHI + " AND i.dal <= ? AND (i.al IS NULL OR i.al >= ?) ORDER BY i.struttura, i.dal", INCARICO, ente, giorno, giorno)
                .forEach(i -> perStruttura.computeIfAbsent(i.struttura(), k -> new ArrayList<>()).add(i));
        // settori by code, each followed by its uffici
        List<OrganigrammaAlGiorno.Struttura> strutture = jdbc.query("SELECT codice, nome, tipo, settore, dal, al"
                        + " FROM organigramma_struttura WHERE ente = ? AND dal <= ? AND (al IS NULL OR al >= ?)"
                        + " ORDER BY COALESCE(settore, codice), tipo = 'UFFICIO', codice",
                (rs, i) -> {
                    List<OrganigrammaAlGiorno.Incarico> responsabili = perStruttura.getOrDefault(rs.getString(1), List.of());
                    return new OrganigrammaAlGiorno.Struttura(rs.getString(1), rs.getString(2), TipoStruttura.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            responsabili.isEmpty(), responsabili);
                }, ente, giorno, giorno);
        List<OrganigrammaAlGiorno.Persona> persone = jdbc.query("SELECT identificativo, nome FROM organigramma_persona"
                + " WHERE ente = ? ORDER BY nome, identificativo", (rs, i) -> new OrganigrammaAlGiorno.Persona(rs.getString(1),
                rs.getString(2)), ente);
        return Optional.of(new OrganigrammaAlGiorno(ente, nome.get(), giorno, strutture, persone));
    }

    /** Whether the ente has a struttura with that code, whatever its validity. */
    public boolean esisteStruttura(String ente, String codice) {
        return !jdbc.queryForList("SELECT codice FROM organigramma_struttura WHERE ente = ? AND codice = ?", String.class, ente, codice)
                .isEmpty();
    }

    /** Every incarico of the ente ({@code struttura} {@code null}) or of one struttura, by struttura and start. */
    public List<OrganigrammaAlGiorno.Incarico> incarichi(String ente, String struttura) {
        return struttura == null
                ? jdbc.query(INCARICHI + " ORDER BY i.struttura, i.dal", INCARICO, ente)
                : jdbc.query(INCARICHI + " AND i.struttura = ? ORDER BY i.dal", INCARICO, ente, struttura);
    }

    /** The codes of the strutture whose incarico of responsabile the persona holds on the day (titolare or ad interim). */
    public java.util.Set<String> struttureDi(String ente, String persona, LocalDate giorno) {
        return persona == null ? java.util.Set.of() : new java.util.TreeSet<>(jdbc.queryForList("SELECT struttura FROM organigramma_incarico"
                + " WHERE ente = ? AND persona = ? AND dal <= ? AND (al IS NULL OR al >= ?)", String.class, ente, persona, giorno, giorno));
    }

    /** The name (as last corrected) of the persona with that identificativo in the ente. */
    public Optional<String> nomePersona(String ente, String identificativo) {
        return identificativo == null ? Optional.empty() : jdbc.queryForList("SELECT nome FROM organigramma_persona"
                + " WHERE ente = ? AND identificativo = ?", String.class, ente, identificativo).stream().findFirst();
    }
}
