package it.comuni.peg.platform.sicurezza;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.comuni.peg.platform.database.IstantiUtc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The table {@code accesso}: which enti each user acts in, with role and person. Read on every
 * authenticated request, remembered per user for at most {@value #SECONDI_IN_MEMORIA} seconds (a grant
 * or a revocation made through this process takes effect at once; made through another process of
 * the same store, within that time).
 * <p>
 * Concurrent requests of one user share one read of the table, on the thread of the first; when it
 * fails (the database away: the pool gives up after its connection timeout) they all fail with it at
 * once. A cache that computed the entry under a per-user lock would instead make each waiting request
 * try again in turn, one connection timeout after the other: N requests of one user would wait up to
 * N timeouts, well past the bound every request keeps while the database is down.
 */
@Component
public class AccessiUtenti {

    static final int SECONDI_IN_MEMORIA = 5;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AsyncCache<String, Accessi> inMemoria = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(SECONDI_IN_MEMORIA)).maximumSize(10_000).buildAsync();

    public AccessiUtenti(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The user's accessi; {@link Accessi#NESSUNO} for a user with none. */
    public Accessi di(String utente) {
        CompletableFuture<Accessi> lettura = new CompletableFuture<>();
        CompletableFuture<Accessi> inCorso = inMemoria.asMap().putIfAbsent(utente, lettura);
        if (inCorso != null) {
            try {
                return inCorso.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Accessi letti = Accessi.di(jdbc.query("SELECT ente, ruolo, persona FROM accesso WHERE utente = ?",
                    (rs, i) -> new Accesso(rs.getString(1), Ruolo.valueOf(rs.getString(2)), rs.getString(3)), utente));
            lettura.complete(letti);
            return letti;
        } catch (RuntimeException e) {
            // a failed read is remembered by nobody: the next request reads again
            inMemoria.asMap().remove(utente, lettura);
            lettura.completeExceptionally(e);
            throw e;
        }
    }

    /** Every accesso granted in the ente, by user name. */
    public List<AccessoUtente> nell(String ente) {
        return jdbc.query("SELECT utente, ruolo, persona, concesso_da, concesso_il FROM accesso WHERE ente = ? ORDER BY utente",
                (rs, i) -> new AccessoUtente(rs.getString(1), new Accesso(ente, Ruolo.valueOf(rs.getString(2)), rs.getString(3)),
                        rs.getString(4), IstantiUtc.leggi(rs, 5)), ente);
    }

    /** Grants (or replaces) the user's standing in the ente; {@code da} is who grants it. */
    public void concedi(String utente, Accesso accesso, String da) {
        jdbc.update("INSERT INTO accesso (utente, ente, ruolo, persona, concesso_da, concesso_il) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE ruolo = VALUE(ruolo), persona = VALUE(persona), "
                        + "concesso_da = VALUE(concesso_da), concesso_il = VALUE(concesso_il)",
                utente, accesso.ente(), accesso.ruolo().name(), accesso.persona(), da, IstantiUtc.colonna(clock.instant()));
        inMemoria.synchronous().invalidate(utente);
    }

    /** Removes the user's standing in the ente; {@code false} when there was none. */
    public boolean revoca(String utente, String ente) {
        int righe = jdbc.update("DELETE FROM accesso WHERE utente = ? AND ente = ?", utente, ente);
        inMemoria.synchronous().invalidate(utente);
        return righe > 0;
    }

    /** {@code true} when the user has at least one row (the bootstrap then leaves the user alone). */
    public boolean haRighe(String utente) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS(SELECT 1 FROM accesso WHERE utente = ?)", Boolean.class, utente));
    }

    /** One row of the table as the administration pages and API show it. */
    public record AccessoUtente(String utente, Accesso accesso, String concessoDa, java.time.Instant concessoIl) {
    }
}
