package it.comuni.peg.query.organigramma;

import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    /** Values per IN list: a PEG's storico names a few dozen persone, an ente's organigramma a few hundred. */
    private static final int BLOCCO = 500;

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
        return identificativo == null ? Optional.empty()
                : Optional.ofNullable(nomiPersone(ente, List.of(identificativo)).get(identificativo));
    }

    /**
     * The names (as last corrected) of the persone of the ente among {@code identificativi}, by
     * identificativo, in one query per {@value #BLOCCO} of them; a value that names no persona of the
     * ente (a name recorded before the organigramma, another ente's matricola) is absent from the map.
     */
    public Map<String, String> nomiPersone(String ente, Collection<String> identificativi) {
        return nomi("SELECT identificativo, nome FROM organigramma_persona WHERE ente = ? AND identificativo IN", ente, identificativi);
    }

    /** The names of the ente's strutture among {@code codici}, by code (whatever their validity); unknown codes are absent. */
    public Map<String, String> nomiStrutture(String ente, Collection<String> codici) {
        return nomi("SELECT codice, nome FROM organigramma_struttura WHERE ente = ? AND codice IN", ente, codici);
    }

    /** Code to name, from {@code select} (key and name of the ente's rows whose key is in the list that follows it). */
    private Map<String, String> nomi(String select, String ente, Collection<String> chiavi) {
        Map<String, String> nomi = new HashMap<>();
        perBlocchi(chiavi, blocco -> jdbc.query(select + " (" + segnaposti(blocco) + ")",
                (rs, i) -> nomi.put(rs.getString(1), rs.getString(2)), parametri(ente, blocco)));
        return nomi;
    }

    /** Every incarico, whatever its dates, that one of {@code persone} held in the ente: who acted by which incarico. */
    public List<OrganigrammaAlGiorno.Incarico> incarichiDi(String ente, Collection<String> persone) {
        List<OrganigrammaAlGiorno.Incarico> incarichi = new ArrayList<>();
        perBlocchi(persone, blocco -> incarichi.addAll(jdbc.query(INCARICHI + " AND i.persona IN (" + segnaposti(blocco)
                + ") ORDER BY i.struttura, i.dal", INCARICO, parametri(ente, blocco))));
        return incarichi;
    }

    /** The values of an IN list a block at a time: a statement's placeholders stay few whatever the list. */
    private static void perBlocchi(Collection<String> valori, java.util.function.Consumer<List<String>> leggi) {
        List<String> distinti = valori.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < distinti.size(); i += BLOCCO) {
            leggi.accept(distinti.subList(i, Math.min(distinti.size(), i + BLOCCO)));
        }
    }

    private static String segnaposti(List<String> blocco) {
        return String.join(", ", java.util.Collections.nCopies(blocco.size(), "?"));
    }

    private static Object[] parametri(String ente, List<String> blocco) {
        List<Object> tutti = new ArrayList<>(blocco.size() + 1);
        tutti.add(ente);
        tutti.addAll(blocco);
        return tutti.toArray();
    }
}
