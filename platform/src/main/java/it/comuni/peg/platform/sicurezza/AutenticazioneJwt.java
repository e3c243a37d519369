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
 * A JWT of the ente's identity provider as a PEG identity: the user name from a configurable claim,
 * and an installation role ({@link Ruolo#OPS}, {@link Ruolo#AMMINISTRATORE}) from another. The enti,
 * roles and person of the user are the installation's data ({@link AccessiUtenti}), not claims.
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
        // only an installation's role comes from the token; what the user may do in an ente is data (AccessiUtenti)
        Collection<GrantedAuthority> autorita = ruolo != null
                && Arrays.stream(Ruolo.values()).anyMatch(r -> !r.diEnte() && r.name().equals(ruolo))
                ? List.of(new SimpleGrantedAuthority(Ruolo.valueOf(ruolo).autorita())) : List.of();
        String utente = jwt.getClaimAsString(proprieta.claimUtente());
        String nome = utente == null ? jwt.getSubject() : utente;
        if (nome != null && nome.codePointCount(0, nome.length()) > LUNGHEZZA_MASSIMA_UTENTE) {
            throw new InvalidBearerTokenException("Nome utente oltre " + LUNGHEZZA_MASSIMA_UTENTE + " caratteri");
        }
        return new JwtAuthenticationToken(jwt, autorita, nome);
    }
}
