package it.comuni.oidcprova;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user of the test provider, as written in {@code oidc-prova-utenti.yml}: signs in with {@code utente} as both
 * name and password.
 *
 * @param utente                 the login name; the token's {@code sub}, and its {@code preferred_username} unless
 *                               {@code senzaPreferredUsername}
 * @param nome                   the {@code name} claim; none when {@code null}
 * @param matricola              the {@code matricola} claim (the person's identifier in the ente's organigramma);
 *                               none when {@code null}
 * @param pegRuoli               the {@code peg_ruoli} claim, strings {@code "ente:RUOLO"}; none at all when
 *                               {@code null} (a provider that cannot emit roles), an empty array when empty
 * @param senzaPreferredUsername true for a user whose tokens lack {@code preferred_username}
 */
public record UtenteDiProva(String utente, String nome, String matricola, List<String> pegRuoli,
                            boolean senzaPreferredUsername) {

    /** The claims this user's ID and access tokens carry beside the standard ones, in a fixed order. */
    public Map<String, Object> attestazioni() {
        Map<String, Object> attestazioni = new LinkedHashMap<>();
        if (!senzaPreferredUsername) {
            attestazioni.put("preferred_username", utente);
        }
        if (nome != null) {
            attestazioni.put("name", nome);
        }
        if (matricola != null) {
            attestazioni.put("matricola", matricola);
        }
        if (pegRuoli != null) {
            attestazioni.put("peg_ruoli", List.copyOf(pegRuoli));
        }
        return attestazioni;
    }
}
