package it.comuni.peg.platform.sicurezza;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ValoreNonValido;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant boundary of every read: a user reads and acts only in the enti of their accessi. Another
 * ente's data answers as if it did not exist ({@link NonTrovato}, 404: its existence is not
 * confirmed); in one of the user's enti, a role that may not gets {@link AccessoNegato} (403).
 */
@Component
public class Perimetro {

    /** Every role held in an ente: all of them read the ente's PEG, scheda, storico and valutazione. */
    public static final Set<Ruolo> LETTORI = EnumSet.of(Ruolo.CONTROLLO_GESTIONE, Ruolo.DIRIGENTE,
            Ruolo.RESPONSABILE_UFFICIO, Ruolo.NUCLEO);

    private final RisolutoreIdentita risolutore;
    private final ObjectProvider<CodiciEnti> codici;

    public Perimetro(RisolutoreIdentita risolutore, ObjectProvider<CodiciEnti> codici) {
        this.risolutore = risolutore;
        this.codici = codici;
    }

    /** The identity of the request being served; a request reaches the ente's routes only authenticated. */
    public Identita identita() {
        return risolutore.identita(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new AccessoNegato("Autenticazione richiesta"));
    }

    /**
     * The user's standing in the ente (codice IPA).
     *
     * @throws NonTrovato    when the user has no accesso there (whether or not the ente exists)
     * @throws AccessoNegato when the user's role there is not one of {@code ammessi}
     */
    public Accesso richiedi(String ente, Set<Ruolo> ammessi) {
        Accesso accesso = identita().accessi().in(ente).orElseThrow(() -> enteNonTrovato(ente));
        if (!ammessi.contains(accesso.ruolo())) {
            throw new AccessoNegato("Come " + accesso.ruolo().descrizione().toLowerCase(java.util.Locale.ITALIAN)
                    + " dell'ente " + ente + " non è consentito: spetta a " + elenco(ammessi));
        }
        return accesso;
    }

    /**
     * {@code true} when the user holds a role in the ente: what a read of one objective, cycle or
     * struttura filters on, answering exactly as for one that does not exist when not.
     */
    public boolean vede(String ente) {
        if (ente == null) {
            return false;
        }
        Accessi accessi = identita().accessi();
        if (accessi.in(ente).filter(a -> LETTORI.contains(a.ruolo())).isPresent()) {
            return true;
        }
        // data recorded before enti had codes names its ente by a former denominazione
        CodiciEnti registro = codici.getIfAvailable();
        return registro != null && registro.codice(ente).flatMap(accessi::in).filter(a -> LETTORI.contains(a.ruolo())).isPresent();
    }

    /** {@link #richiedi(String, Set)} for any role held in the ente. */
    public Accesso lettore(String ente) {
        return richiedi(ente, LETTORI);
    }

    /**
     * The ente a request on a whole PEG is about, checked to be one the user reads: the one it names
     * (its codice IPA, or a former denominazione under which older data was recorded), or, when it names
     * none, the user's only ente.
     *
     * @throws ValoreNonValido when it names none and the user acts in several enti
     * @throws AccessoNegato   when it names none and the user acts in no ente
     * @throws NonTrovato      when it names an ente the user has no role in
     */
    public String ente(String richiesto) {
        if (richiesto != null && !richiesto.isBlank()) {
            String ente = richiesto.strip();
            if (!vede(ente)) {
                throw enteNonTrovato(ente);
            }
            // a former denominazione stays as asked: the data recorded under it carries it
            return ente;
        }
        Set<String> enti = identita().accessi().enti();
        if (enti.isEmpty()) {
            throw new AccessoNegato("L'utente non ha un ruolo in alcun ente");
        }
        if (enti.size() == 1) {
            return enti.iterator().next();
        }
        throw new ValoreNonValido("ente", "Indicare l'ente (codice IPA) tra " + enti.stream().sorted().collect(Collectors.joining(", ")));
    }

    /**
     * The enti (codici IPA, sorted) where the user holds one of the roles: what a page of that role
     * offers to choose from.
     *
     * @throws AccessoNegato when there is none
     */
    public java.util.List<String> entiCon(Set<Ruolo> ruoli) {
        java.util.List<String> enti = identita().accessi().perEnte().values().stream()
                .filter(a -> ruoli.contains(a.ruolo())).map(Accesso::ente).sorted().toList();
        if (enti.isEmpty()) {
            throw new AccessoNegato("Consentito solo a " + elenco(ruoli) + " di un ente");
        }
        return enti;
    }

    /** The 404 of an ente outside the user's accessi, naming the code asked for. */
    public static NonTrovato enteNonTrovato(String ente) {
        return new NonTrovato("Ente " + ente + " non trovato");
    }

    private static String elenco(Set<Ruolo> ruoli) {
        return Arrays.stream(Ruolo.values()).filter(ruoli::contains)
                .map(r -> r.descrizione().toLowerCase(java.util.Locale.ITALIAN)).collect(Collectors.joining(", "));
    }
}
