package it.comuni.peg.platform.sicurezza;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A JWT of the ente's identity provider as a PEG identity: the role and the linked person from
 * configurable claims. A token whose role is not one of the PEG's gets no authority at all.
 */
public class AutenticazioneJwt implements Converter<Jwt, AbstractAuthenticationToken> {

    /**
     * The user name travels on every event the user causes (metadata {@code utente}) and the storico
     * shows it (storico_voce.utente): a name longer than that column is refused here, as 401, rather
     * than accepted and left unprojectable.
     */
    public static final int LUNGHEZZA_MASSIMA_UTENTE = 255;

    private final JwtProperties proprieta;

    public AutenticazioneJwt(JwtProperties proprieta) {
        this.proprieta = proprieta;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String ruolo = jwt.getClaimAsString(proprieta.claimRuolo());
        Collection<GrantedAuthority> autorita = ruolo != null && Arrays.stream(Ruolo.values()).anyMatch(r -> r.name().equals(ruolo))
                ? List.of(new SimpleGrantedAuthority(Ruolo.valueOf(ruolo).autorita())) : List.of();
        String utente = jwt.getClaimAsString(proprieta.claimUtente());
        String nome = utente == null ? jwt.getSubject() : utente;
        if (nome != null && nome.codePointCount(0, nome.length()) > LUNGHEZZA_MASSIMA_UTENTE) {
            throw new InvalidBearerTokenException("Nome utente oltre " + LUNGHEZZA_MASSIMA_UTENTE + " caratteri");
        }
        return new Token(jwt, autorita, nome, jwt.getClaimAsString(proprieta.claimPersona()));
    }

    /** The authenticated token, carrying the person of the PEG the user is. */
    static final class Token extends JwtAuthenticationToken implements RisolutoreIdentita.ConPersona {

        private final String persona;

        Token(Jwt jwt, Collection<? extends GrantedAuthority> autorita, String nome, String persona) {
            super(jwt, autorita, nome);
            this.persona = persona;
        }

        @Override
        public String persona() {
            return persona;
        }
    }
}
