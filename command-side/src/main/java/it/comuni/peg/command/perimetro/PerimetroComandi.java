package it.comuni.peg.command.perimetro;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.sicurezza.Accessi;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tenant boundary of every command, where the command is handled: the user acts only in the enti
 * of their accessi ({@link Metadati#ACCESSI}). What belongs to another ente answers as if it did not
 * exist ({@link NonTrovato}, 404: its existence is not confirmed); in one of the user's enti a role
 * that may not gets {@link AccessoNegato} (403). A command without accessi comes from inside the system
 * itself (the import from the command line, the demo): every HTTP request is authenticated and
 * stamped with them (see {@link Accessi#diComando}), so such a command passes.
 * <p>
 * The standing the command was decided under is stamped on the command message ({@link #timbra}), so
 * that Axon's correlation data providers copy ente, ruolo and persona onto every event it appends:
 * each fact says who acted, in which ente, in which role and as which persona of the organigramma.
 */
public final class PerimetroComandi {

    private PerimetroComandi() {
    }

    /**
     * The user's standing in the ente (codice IPA) of something that exists; empty for a command from
     * inside the system.
     *
     * @param codiceEnte the ente's code, empty when the name it was recorded with is no registered ente
     * @param nonTrovato the 404 to answer when the user has no accesso there
     * @throws NonTrovato when the command comes from a user without an accesso in the ente (or the ente is unknown)
     */
    public static Optional<Accesso> accesso(Map<String, ?> metadati, Optional<String> codiceEnte, Supplier<NonTrovato> nonTrovato) {
        Optional<Accessi> accessi = Accessi.diComando(metadati);
        if (accessi.isEmpty()) {
            return Optional.empty();
        }
        String ente = codiceEnte.orElseThrow(nonTrovato);
        return Optional.of(accessi.get().in(ente).orElseThrow(nonTrovato));
    }

    /**
     * The registered ente a new command names (an objective's definition, an act of the evaluation
     * cycle): the codice IPA itself, never a former denominazione, whoever sends it.
     *
     * @throws NonTrovato "Ente X non trovato" when no ente has that code
     */
    public static String enteRegistrato(String ente, Organigrammi organigrammi) {
        String nominato = ente.strip();
        return organigrammi.codiceEnte(nominato).filter(nominato::equals)
                .orElseThrow(() -> Perimetro.enteNonTrovato(nominato));
    }

    /**
     * {@link #accesso} for a command that names a registered ente: the user's standing there, with
     * "Ente X non trovato" when they have none (the same words as for an ente that does not exist).
     */
    public static Optional<Accesso> accessoNellEnte(Map<String, ?> metadati, String codiceEnte) {
        return accesso(metadati, Optional.of(codiceEnte), () -> Perimetro.enteNonTrovato(codiceEnte));
    }

    /**
     * Refuses a role that may not send the command in the ente.
     *
     * @param spettaA what the refusal says the command is for, e.g. "il piano degli obiettivi spetta al controllo di gestione"
     * @throws AccessoNegato naming the role, the ente and {@code spettaA}
     */
    public static void richiediRuolo(Accesso accesso, Set<Ruolo> ammessi, String spettaA) {
        if (!ammessi.contains(accesso.ruolo())) {
            throw new AccessoNegato("Come " + accesso.ruolo().descrizione().toLowerCase(Locale.ITALIAN) + " dell'ente "
                    + accesso.ente() + " non è consentito: " + spettaA);
        }
    }

    /**
     * Stamps, on the message of the current unit of work, the ente (codice IPA) the command acted in
     * and, for a user, the role and the persona held there. The correlation data are read from the unit
     * of work's message each time an event is created (Axon's {@code AbstractUnitOfWork#getCorrelationData}),
     * so every event appended after this carries them. No unit of work (a handler called directly): nothing to stamp.
     *
     * @param ente    the codice IPA, null when the objective's ente is no registered one (an old event's name)
     * @param accesso the user's standing, null for a command from inside the system
     */
    public static void timbra(String ente, Accesso accesso) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<String, Object> chi = new HashMap<>();
        if (ente != null) {
            chi.put(Metadati.ENTE, ente);
        }
        if (accesso != null) {
            chi.put(Metadati.RUOLO, accesso.ruolo().name());
            if (accesso.persona() != null) {
                chi.put(Metadati.PERSONA, accesso.persona());
            }
        }
        if (!chi.isEmpty()) {
            @SuppressWarnings("unchecked")
            UnitOfWork<Message<?>> unitOfWork = (UnitOfWork<Message<?>>) CurrentUnitOfWork.get();
            unitOfWork.transformMessage(m -> m.andMetaData(chi));
        }
    }
}
