package it.comuni.peg.platform.sicurezza;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link JwtDecoder} that remembers the tokens its decoder accepted, keyed by the whole token text,
 * so that a client sending the same token request after request has its signature verified once,
 * not on every request (an RSA verification and the parse of the claims: 17% of the request thread of
 * the benchmark's floor, a no-op POST). Neither Spring Security nor Nimbus keeps decoded tokens
 * (Nimbus caches the key set, not the tokens), hence this.
 * <p>
 * What it keeps is bounded: a token is remembered until its own expiry ({@code exp}) or for
 * {@code durataMassima}, whichever comes first, so a key removed from the provider's key set stops
 * being trusted within {@code durataMassima}; a token without {@code exp} is never remembered; at most
 * {@code capienza} tokens (the least used go first). A token the decoder refuses is never remembered,
 * so it is checked again, and refused again, on every request. The token text is the key: one
 * changed character is another token, verified afresh.
 */
public final class JwtVerificati implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verificati;

    /**
     * @param decoder       the decoder that verifies signatures and validates claims (Spring Boot's)
     * @param durataMassima the longest a token is remembered (positive)
     * @param capienza      how many tokens at most (positive)
     * @param clock         the time a token's expiry is compared with
     */
    public JwtVerificati(JwtDecoder decoder, Duration durataMassima, long capienza, Clock clock) {
        if (durataMassima.isNegative() || durataMassima.isZero() || capienza <= 0) {
            throw new IllegalArgumentException("Durata e capienza dei token ricordati devono essere positive: "
                    + durataMassima + ", " + capienza);
        }
        this.decoder = decoder;
        this.clock = clock;
        this.verificati = Caffeine.newBuilder()
                .maximumSize(capienza)
                .expireAfter(new FinoAllaScadenza(durataMassima.toNanos(), clock))
                .build();
    }

    /** The token as the decoder returned it when it first accepted it; {@link JwtException} as the decoder throws it. */
    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt noto = verificati.getIfPresent(token);
        if (noto != null && noto.getExpiresAt().isAfter(clock.instant())) {
            return noto;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            verificati.put(token, jwt);
        }
        return jwt;
    }

    /** How many tokens are remembered now (for tests). */
    long ricordati() {
        verificati.cleanUp();
        return verificati.estimatedSize();
    }

    /** A token is forgotten at its expiry, or after the longest time allowed if that comes first. */
    private record FinoAllaScadenza(long massimoNanos, Clock clock) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long adesso) {
            Instant scade = jwt.getExpiresAt();
            long restano = scade == null ? 0 : Duration.between(clock.instant(), scade).toNanos();
            return Math.max(0, Math.min(massimoNanos, restano));
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long adesso, long durataAttuale) {
            return expireAfterCreate(token, jwt, adesso);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long adesso, long durataAttuale) {
            return durataAttuale;
        }
    }
}
