package it.comuni.peg.query.organigramma;

import it.comuni.peg.platform.sicurezza.CodiciEnti;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The registered enti as the read side knows them (projection "organigramma"): which ente a name on
 * an event stands for, and an ente's official name. Events recorded before enti had codes name the
 * ente by its denominazione ("Comune di Capannori"); reads that serve one ente's data map such a name
 * to its codice IPA here, to decide whose the data is.
 */
@Component
public class Enti implements CodiciEnti {

    private final JdbcTemplate jdbc;

    public Enti(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The codice IPA that {@code nominato} stands for: itself when an ente with that code is registered,
     * else the ente that lists it among its former denominazioni (compared ignoring case and accents, as
     * people read names); empty when neither.
     */
    @Override
    public Optional<String> codice(String nominato) {
        if (nominato == null || nominato.isBlank()) {
            return Optional.empty();
        }
        String nome = nominato.strip();
        return jdbc.queryForList("SELECT ente FROM organigramma_ente WHERE ente = ?"
                        + " UNION ALL SELECT ente FROM organigramma_denominazione WHERE denominazione = ?", String.class, nome, nome)
                .stream().findFirst();
    }

    /** The official name of the ente with that codice IPA ("Comune di Capannori"); empty when not registered. */
    public Optional<String> nome(String codice) {
        return codice == null ? Optional.empty()
                : jdbc.queryForList("SELECT nome FROM organigramma_ente WHERE ente = ?", String.class, codice).stream().findFirst();
    }
}
