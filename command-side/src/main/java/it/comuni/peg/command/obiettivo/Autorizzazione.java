package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.consuntivo.RettificaConsuntivo;
import it.comuni.peg.api.fase.CompletaFase;
import it.comuni.peg.api.fase.RimodulaFase;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.command.perimetro.PerimetroComandi;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may change an objective, decided where the command is handled so that no route (HTTP,
 * import, command line, a future UI) can bypass it. First the ente: a user without an accesso in the
 * objective's ente gets {@link NonTrovato}, "Obiettivo … non trovato", the answer for an objective that
 * does not exist. Then the role there:
 * <ul>
 * <li>the plan (define, modify, move, rename, assign people, plan phases, define indicators) is the
 *     controllo di gestione's ({@link Ruolo#CONTROLLO_GESTIONE}), else {@link AccessoNegato};</li>
 * <li>progress (consuntivi and their rettifiche, completions, indicator values, rimodulazioni) is
 *     recorded by a dirigente or responsabile d'ufficio whose persona holds, on the day of recording,
 *     the incarico of responsabile of the objective's current settore or of its ufficio, as the ente's
 *     organigramma says ({@link Organigrammi#responsabili}); anyone else gets {@link AccessoNegato}
 *     naming who holds it that day, or that it is vacant. The controllo di gestione and the nucleo do
 *     not record progress.</li>
 * </ul>
 * <b>The day that counts is the day of recording</b> ({@code LocalDate.now(clock)}, Europe/Rome), not
 * the month the consuntivo describes: an incarico is the power to act on the day one acts. From the day
 * of a handover the new responsabile records any month, June included on 1 July, and the former one no
 * longer records anything, not even June; what the former one recorded while in charge stays, with their
 * persona on its events. Judging by the month described would let a dirigente who has left keep writing
 * into "their" months for ever, and would leave the months before a handover with nobody able to
 * complete them.
 * <p>
 * A command without accessi comes from inside the system itself (import, command line, demo): it passes.
 */
final class Autorizzazione {

    private static final Set<Class<?>> AVANZAMENTO = Set.of(RegistraConsuntivo.class, RettificaConsuntivo.class,
            CompletaFase.class, RegistraValoreIndicatore.class, RimodulaFase.class);
    private static final Set<Ruolo> PIANIFICAZIONE = EnumSet.of(Ruolo.CONTROLLO_GESTIONE);
    private static final Set<Ruolo> RESPONSABILI = EnumSet.of(Ruolo.DIRIGENTE, Ruolo.RESPONSABILE_UFFICIO);
    private static final String PIANO = "il piano degli obiettivi spetta al controllo di gestione";

    private Autorizzazione() {
    }

    /**
     * A new objective in the ente (codice IPA, already checked registered): the user needs the
     * controllo di gestione there. Stamps ente, ruolo and persona on the command.
     *
     * @throws NonTrovato    "Ente X non trovato" when the user has no accesso in the ente
     * @throws AccessoNegato when the user's role there is not the controllo di gestione
     */
    static void richiediDefinizione(MetaData metadati, String ente) {
        Optional<Accesso> accesso = PerimetroComandi.accessoNellEnte(metadati, ente);
        accesso.ifPresent(a -> PerimetroComandi.richiediRuolo(a, PIANIFICAZIONE, PIANO));
        PerimetroComandi.timbra(ente, accesso.orElse(null));
    }

    /**
     * A command on an existing objective, as it stands now (its ente as recorded, a code or an old
     * name; its current settore and ufficio). Stamps ente, ruolo and persona on the command.
     *
     * @param oggi the day of recording
     * @throws NonTrovato    "Obiettivo {id} non trovato" when the user has no accesso in the objective's ente
     * @throws AccessoNegato when the role, or the persona's incarico that day, does not allow the command
     */
    static void richiedi(CommandMessage<?> comando, ObiettivoId id, String enteRegistrato, Settore settore, Ufficio ufficio,
                         Organigrammi organigrammi, LocalDate oggi) {
        Optional<String> ente = organigrammi.codiceEnte(enteRegistrato);
        Optional<Accesso> accesso = PerimetroComandi.accesso(comando.getMetaData(), ente, () -> NonTrovato.obiettivo(id));
        if (accesso.isPresent()) {
            if (AVANZAMENTO.contains(comando.getPayloadType())) {
                richiediIncarico(accesso.get(), settore, ufficio, organigrammi, oggi);
            } else {
                PerimetroComandi.richiediRuolo(accesso.get(), PIANIFICAZIONE, PIANO);
            }
        }
        PerimetroComandi.timbra(ente.orElse(null), accesso.orElse(null));
    }

    private static void richiediIncarico(Accesso accesso, Settore settore, Ufficio ufficio, Organigrammi organigrammi, LocalDate oggi) {
        PerimetroComandi.richiediRuolo(accesso, RESPONSABILI, "l'avanzamento degli obiettivi lo registra il responsabile"
                + " del loro settore o ufficio");
        String ente = accesso.ente();
        Set<String> delSettore = organigrammi.responsabili(ente, settore.codice(), oggi);
        Set<String> dellUfficio = ufficio == null ? Set.of() : organigrammi.responsabili(ente, ufficio.codice(), oggi);
        String persona = accesso.persona();
        if (persona != null && (delSettore.contains(persona) || dellUfficio.contains(persona))) {
            return;
        }
        throw new AccessoNegato((persona == null ? "L'utente non è collegato a una persona dell'organigramma dell'ente "
                + ente + ". " : "") + "Il " + FormaItaliana.data(oggi) + " l'avanzamento di questo obiettivo spetta al responsabile"
                + " del settore " + settore.codice() + " (" + chi(ente, delSettore, organigrammi) + ")"
                + (ufficio == null ? "" : " o dell'ufficio " + ufficio.codice() + " (" + chi(ente, dellUfficio, organigrammi) + ")"));
    }

    /** The names of who holds an incarico, "vacante" when nobody does. */
    private static String chi(String ente, Set<String> persone, Organigrammi organigrammi) {
        return Strutture.nomi(organigrammi, ente, persone).orElse("vacante");
    }
}
