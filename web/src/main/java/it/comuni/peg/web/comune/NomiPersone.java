package it.comuni.peg.web.comune;

import it.comuni.peg.query.organigramma.OrganigrammaQueries;
import org.springframework.stereotype.Component;

/**
 * People as the pages name them: by the name the ente's organigramma holds, with the identificativo
 * beside it ("GENTILI LUCA (M001)"), for templates ({@code ${@persone.nome(ente, persona)}}).
 */
@Component("persone")
public class NomiPersone {

    private final OrganigrammaQueries organigramma;

    public NomiPersone(OrganigrammaQueries organigramma) {
        this.organigramma = organigramma;
    }

    /** "NOME (identificativo)", or the identificativo alone when the organigramma knows no name; "—" for none. */
    public String nome(String ente, String persona) {
        if (persona == null) {
            return "—";
        }
        return organigramma.nomePersona(ente, persona).map(n -> n + " (" + persona + ")").orElse(persona);
    }
}
