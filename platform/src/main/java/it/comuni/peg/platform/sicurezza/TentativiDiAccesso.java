package it.comuni.peg.platform.sicurezza;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login failures, throttled: after {@code peg.sicurezza.accesso.tentativi} failures for one
 * account within the window, that account is refused for the same window, whatever the
 * password; a success resets the count. Guessing a password over HTTP Basic becomes hopeless
 * without locking anyone out for long.
 */
@Component
public class TentativiDiAccesso {

    private final int massimo;
    private final Duration finestra;
    private final Clock clock;
    private final Map<String, Fallimenti> perUtente = new ConcurrentHashMap<>();

    public TentativiDiAccesso(@Value("${peg.sicurezza.accesso.tentativi:5}") int massimo,
                              @Value("${peg.sicurezza.accesso.finestra:PT5M}") Duration finestra, Clock clock) {
        this.massimo = massimo;
        this.finestra = finestra;
        this.clock = clock;
    }

    @EventListener
    public void fallito(AbstractAuthenticationFailureEvent evento) {
        String utente = evento.getAuthentication().getName();
        if (utente == null) {
            return;
        }
        Instant adesso = clock.instant();
        perUtente.compute(utente.toLowerCase(), (k, f) -> f == null || f.scaduto(adesso, finestra)
                ? new Fallimenti(1, adesso) : new Fallimenti(f.numero() + 1, f.primo()));
        if (perUtente.size() > 100_000) {
            perUtente.values().removeIf(f -> f.scaduto(adesso, finestra));
        }
    }

    @EventListener
    public void riuscito(AuthenticationSuccessEvent evento) {
        perUtente.remove(evento.getAuthentication().getName().toLowerCase());
    }

    /** How long the account stays blocked, when it is. */
    public Optional<Duration> bloccato(String utente) {
        Fallimenti f = perUtente.get(utente.toLowerCase());
        Instant adesso = clock.instant();
        if (f == null || f.numero() < massimo || f.scaduto(adesso, finestra)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(adesso, f.primo().plus(finestra)));
    }

    private record Fallimenti(int numero, Instant primo) {
        boolean scaduto(Instant adesso, Duration finestra) {
            return adesso.isAfter(primo.plus(finestra));
        }
    }
}
