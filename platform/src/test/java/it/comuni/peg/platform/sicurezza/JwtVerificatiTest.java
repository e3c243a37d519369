package it.comuni.peg.platform.sicurezza;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tokens a real Nimbus decoder (Spring Security's, with its default timestamp validation)
 * accepted are verified once until they expire; refused ones every time.
 */
class JwtVerificatiTest {

    private static final RSAKey CHIAVE = genera("ente");
    private static final RSAKey ALTRA = genera("intruso");

    private final AtomicInteger verifiche = new AtomicInteger();
    private final JwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(pubblica(CHIAVE)).build();
    private final JwtDecoder contato = token -> {
        verifiche.incrementAndGet();
        return nimbus.decode(token);
    };

    @Test
    void anAcceptedTokenIsVerifiedOnceAndAnotherTokenAfresh() throws Exception {
        JwtVerificati verificati = new JwtVerificati(contato, Duration.ofMinutes(5), 100, Clock.systemUTC());
        String token = token(CHIAVE, "m.gentili", Instant.now().plusSeconds(300));

        Jwt primo = verificati.decode(token);
        Jwt secondo = verificati.decode(token);

        assertThat(verifiche).hasValue(1);
        assertThat(secondo).isSameAs(primo);
        assertThat(secondo.getClaimAsString("preferred_username")).isEqualTo("m.gentili");
        verificati.decode(token(CHIAVE, "a.bianchi", Instant.now().plusSeconds(300)));
        assertThat(verifiche).hasValue(2);
        assertThat(verificati.ricordati()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() throws Exception {
        JwtVerificati verificati = new JwtVerificati(contato, Duration.ofMinutes(5), 100, Clock.systemUTC());
        String altraChiave = token(ALTRA, "m.gentili", Instant.now().plusSeconds(300));
        String scaduto = token(CHIAVE, "m.gentili", Instant.now().minusSeconds(300));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> verificati.decode(altraChiave)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> verificati.decode(scaduto)).isInstanceOf(JwtException.class);
        }

        assertThat(verifiche).hasValue(4);
        assertThat(verificati.ricordati()).isZero();
    }

    @Test
    void aTokenPastItsExpiryByThisDecodersClockIsVerifiedEveryTime() throws Exception {
        // expired for the cache's clock (three minutes ahead), still valid for the decoder inside, which
        // judges by the real time and accepts it: each decode reaches it, which the count shows
        String token = token(CHIAVE, "m.gentili", Instant.now().plusSeconds(120));
        JwtVerificati verificati = new JwtVerificati(contato, Duration.ofMinutes(5), 100,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3)));

        verificati.decode(token);
        verificati.decode(token);

        assertThat(verifiche).hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsNeverRemembered() throws Exception {
        JwtVerificati verificati = new JwtVerificati(contato, Duration.ofMinutes(5), 100, Clock.systemUTC());
        String token = token(CHIAVE, "m.gentili", null);

        verificati.decode(token);
        verificati.decode(token);

        assertThat(verifiche).hasValue(2);
        assertThat(verificati.ricordati()).isZero();
    }

    private static String token(RSAKey chiave, String utente, Instant scadenza) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(utente).claim("preferred_username", utente)
                .claim("ruolo", "DIRIGENTE").issueTime(Date.from(Instant.now().minusSeconds(60)));
        if (scadenza != null) {
            claims.expirationTime(Date.from(scadenza));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(chiave.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(chiave));
        return jwt.serialize();
    }

    private static java.security.interfaces.RSAPublicKey pubblica(RSAKey chiave) {
        try {
            return chiave.toRSAPublicKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey genera(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
