package it.comuni.peg.platform.sicurezza;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.List;

/**
 * A JWT of the ente's identity provider as a PEG identity: the user name and the installation's roles
 * from the claims {@link Rivendicazioni} reads; the enti, roles and person from the claims when the
 * provider emits them, else the installation's data ({@link AccessiUtenti}), resolved per request by
 * {@link RisolutoreIdentita}.
 */
public class AutenticazioneJwt implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Rivendicazioni rivendicazioni;

    public AutenticazioneJwt(Rivendicazioni rivendicazioni) {
        this.rivendicazioni = rivendicazioni;
    }

    /**
     * @throws ClaimRifiutato (401, its message naming the claim) when the user's claim is missing or unusable
     */
    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String utente;
        try {
            utente = rivendicazioni.utente(jwt.getClaims());
            rivendicazioni.accessi(jwt.getClaims()); // a malformed person's claim is refused here, not per command
        } catch (Rivendicazioni.ClaimNonValido e) {
            throw new ClaimRifiutato(e.getMessage());
        }
        List<GrantedAuthority> autorita = new ArrayList<>();
        rivendicazioni.installazione(jwt.getClaims()).forEach(r -> autorita.add(new SimpleGrantedAuthority(r.autorita())));
        return new JwtAuthenticationToken(jwt, autorita, utente);
    }

    /**
     * A token refused for a claim this system needs: the message, in Italian, names the claim and is shown to the
     * client. Not an {@link InvalidBearerTokenException}: that one keeps a description only in RFC 6750's ASCII
     * (no «», no accented letters) and otherwise replaces it with "Invalid token".
     */
    public static final class ClaimRifiutato extends OAuth2AuthenticationException {

        public ClaimRifiutato(String messaggio) {
            super(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN), messaggio);
        }
    }
}
