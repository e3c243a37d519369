package it.comuni.peg.benchmark;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's identity provider: it signs JWTs as the ente's provider would in production, naming
 * the user ({@code preferred_username}) and nothing else: what the user may do in which ente, and
 * which persona of its organigramma they are, is the installation's data (table {@code accesso}),
 * which the application reads on every request; none of the benchmark's users holds an installation
 * role (claim {@code ruolo}). The application checks the tokens against this provider's public key. HTTP
 * Basic would verify a BCrypt hash on every request (tens of ms of CPU), which measures BCrypt,
 * not the PEG; a JWT is what a production client sends, checked in microseconds.
 */
public final class EmittenteToken {

    private final RSAKey chiave;
    private final Map<String, String> emessi = new ConcurrentHashMap<>();

    private EmittenteToken(RSAKey chiave) {
        this.chiave = chiave;
    }

    public static EmittenteToken nuovo() {
        try {
            return new EmittenteToken(new RSAKeyGenerator(2048).keyID("benchmark").generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public key as PEM, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public Path scriviChiavePubblica(Path file) throws IOException, JOSEException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(chiave.toRSAPublicKey().getEncoded());
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    /** "Bearer ..." for the user; one token per user. */
    public String bearer(String utente) {
        return emessi.computeIfAbsent(utente, u -> "Bearer " + firma(u));
    }

    private String firma(String utente) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(utente)
                .claim("preferred_username", utente)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(12))))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(chiave.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(chiave));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
