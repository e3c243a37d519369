package it.comuni.peg.platform.sicurezza;

import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.organigramma.Codici;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of the ente's identity provider read as this system's identity, one reading for the
 * browser's OpenID Connect sign-in (ID token and user info) and for the API's bearer tokens: the
 * account's name, the installation's roles and, when the provider emits them, the enti, roles and
 * person ({@link ClaimProperties} names the claims). A claim's value may be a string (several values
 * separated by spaces or commas) or a list of strings.
 */
public final class Rivendicazioni {

    private static final Logger log = LoggerFactory.getLogger(Rivendicazioni.class);

    /**
     * The user name travels on every event the user causes (metadata {@code utente}) and the storico
     * shows it (storico_voce.utente): a longer one is refused at sign-in rather than accepted and left
     * unprojectable.
     */
    public static final int LUNGHEZZA_MASSIMA_UTENTE = 255;

    private final ClaimProperties proprieta;

    public Rivendicazioni(ClaimProperties proprieta) {
        this.proprieta = proprieta;
    }

    /** The configured names of the claims. */
    public ClaimProperties proprieta() {
        return proprieta;
    }

    /**
     * The account's name, from the claim {@link ClaimProperties#utente()}.
     *
     * @throws ClaimNonValido when the claim is absent, blank or longer than {@value #LUNGHEZZA_MASSIMA_UTENTE} characters
     */
    public String utente(Map<String, Object> claims) {
        Object valore = claims.get(proprieta.utente());
        String utente = valore == null ? null : valore.toString().strip();
        if (utente == null || utente.isEmpty()) {
            throw new ClaimNonValido(proprieta.utente(), "Nel token manca il claim «" + proprieta.utente()
                    + "», che porta il nome dell'utente");
        }
        if (utente.codePointCount(0, utente.length()) > LUNGHEZZA_MASSIMA_UTENTE) {
            throw new ClaimNonValido(proprieta.utente(), "Il claim «" + proprieta.utente() + "» supera "
                    + LUNGHEZZA_MASSIMA_UTENTE + " caratteri");
        }
        return utente;
    }

    /**
     * The installation's roles ({@link Ruolo#OPS}, {@link Ruolo#AMMINISTRATORE}) named by the claim
     * {@link ClaimProperties#installazione()} or, without an ente, among the {@code accessi}; an ente's role
     * named there counts for nothing (an ente's roles are held per ente).
     */
    public Set<Ruolo> installazione(Map<String, Object> claims) {
        Set<Ruolo> ruoli = EnumSet.noneOf(Ruolo.class);
        List<String> nomi = new ArrayList<>(valori(claims.get(proprieta.installazione())));
        if (proprieta.accessi() != null) {
            valori(claims.get(proprieta.accessi())).stream().filter(v -> separatore(v) < 0).forEach(nomi::add);
        }
        for (String nome : nomi) {
            ruolo(nome).filter(r -> !r.diEnte()).ifPresent(ruoli::add);
        }
        return ruoli;
    }

    /**
     * The enti, roles and person the claims give, when {@link ClaimProperties#accessi()} is configured and
     * the claims carry it (an empty list: signed in, but nothing in any ente); empty when the provider does
     * not emit it, and the table {@code accesso} applies. An entry naming no codice IPA or no role of an ente
     * is left out (and logged); two roles in one ente keep the first.
     *
     * @throws ClaimNonValido when the person's claim holds no matricola or codice fiscale
     */
    public Optional<Accessi> accessi(Map<String, Object> claims) {
        if (proprieta.accessi() == null || !claims.containsKey(proprieta.accessi())) {
            return Optional.empty();
        }
        String persona = persona(claims);
        Map<String, Accesso> perEnte = new LinkedHashMap<>();
        for (String voce : valori(claims.get(proprieta.accessi()))) {
            int separatore = separatore(voce);
            if (separatore < 0) {
                continue; // an installation's role: installazione()
            }
            String ente = voce.substring(0, separatore).strip().toLowerCase(java.util.Locale.ROOT);
            Optional<Ruolo> ruolo = ruolo(voce.substring(separatore + 1));
            if (!Codici.eCodiceEnte(ente) || ruolo.isEmpty() || !ruolo.get().diEnte()) {
                log.warn("Claim {}: voce '{}' ignorata (attesa ente:RUOLO, es. c_b648:DIRIGENTE)", proprieta.accessi(), voce);
                continue;
            }
            if (perEnte.putIfAbsent(ente, new Accesso(ente, ruolo.get(), persona)) != null) {
                log.warn("Claim {}: più ruoli nell'ente {}; vale il primo, {}", proprieta.accessi(), ente, perEnte.get(ente).ruolo());
            }
        }
        return Optional.of(new Accessi(perEnte));
    }

    /**
     * How the bearer of these claims signed in: the issuer ({@code iss}) and the authentication's instant
     * ({@code auth_time}, OpenID Connect Core 1.0 §2; else {@code iat}).
     */
    public static Provenienza provenienza(Provenienza.Modo modo, Map<String, Object> claims) {
        Object iss = claims.get("iss");
        Instant quando = istante(claims.get("auth_time")).or(() -> istante(claims.get("iat"))).orElse(null);
        return new Provenienza(modo, iss == null ? null : iss.toString(), quando);
    }

    private String persona(Map<String, Object> claims) {
        if (proprieta.persona() == null || claims.get(proprieta.persona()) == null) {
            return null;
        }
        try {
            return Codici.persona(claims.get(proprieta.persona()).toString(), proprieta.persona());
        } catch (ValoreNonValido e) {
            throw new ClaimNonValido(proprieta.persona(), "Il claim «" + proprieta.persona()
                    + "» non è una matricola o un codice fiscale (da 1 a " + Codici.PERSONA + " lettere o cifre)");
        }
    }

    private static int separatore(String voce) {
        int duePunti = voce.lastIndexOf(':');
        return duePunti >= 0 ? duePunti : voce.lastIndexOf('.');
    }

    private static Optional<Ruolo> ruolo(String nome) {
        String pulito = nome.strip();
        return Arrays.stream(Ruolo.values()).filter(r -> r.name().equals(pulito)).findFirst();
    }

    private static List<String> valori(Object valore) {
        if (valore == null) {
            return List.of();
        }
        if (valore instanceof Collection<?> lista) {
            return lista.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        return Arrays.stream(valore.toString().split("[\\s,]+")).filter(v -> !v.isBlank()).toList();
    }

    private static Optional<Instant> istante(Object valore) {
        if (valore instanceof Instant i) {
            return Optional.of(i);
        }
        if (valore instanceof Number n) {
            return Optional.of(Instant.ofEpochSecond(n.longValue()));
        }
        if (valore instanceof java.util.Date d) {
            return Optional.of(d.toInstant());
        }
        return Optional.empty();
    }

    /** A claim absent or unusable: {@code claim} names it, the message says what is wrong, in Italian. */
    public static final class ClaimNonValido extends RuntimeException {

        private final String claim;

        public ClaimNonValido(String claim, String messaggio) {
            super(messaggio);
            this.claim = claim;
        }

        public String claim() {
            return claim;
        }
    }
}
