package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.Testo;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.organigramma.ChiudiStruttura;
import it.comuni.peg.api.organigramma.ComandoOrganigramma;
import it.comuni.peg.api.organigramma.ConferisciIncarico;
import it.comuni.peg.api.organigramma.CorreggiIncarico;
import it.comuni.peg.api.organigramma.CorreggiPersona;
import it.comuni.peg.api.organigramma.DenominazioneRegistrata;
import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.organigramma.IncaricoConferito;
import it.comuni.peg.api.organigramma.IncaricoCorretto;
import it.comuni.peg.api.organigramma.IncaricoTerminato;
import it.comuni.peg.api.organigramma.IstituisciStruttura;
import it.comuni.peg.api.organigramma.PersonaCorretta;
import it.comuni.peg.api.organigramma.PersonaRegistrata;
import it.comuni.peg.api.organigramma.RegistraDenominazione;
import it.comuni.peg.api.organigramma.RegistraEnte;
import it.comuni.peg.api.organigramma.RegistraPersona;
import it.comuni.peg.api.organigramma.RinominaStruttura;
import it.comuni.peg.api.organigramma.StrutturaChiusa;
import it.comuni.peg.api.organigramma.StrutturaIstituita;
import it.comuni.peg.api.organigramma.StrutturaRinominata;
import it.comuni.peg.api.organigramma.TerminaIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.command.concorrenza.BloccoAnticipato;
import it.comuni.peg.command.concorrenza.CacheObiettivi;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The organigramma of one ente over time, its identifier the ente's codice IPA: settori and uffici
 * with their validity, persone with a stable identificativo, incarichi of responsabile (titolare or
 * ad interim) from a day to a day. One responsabile per struttura and day: a day with none is a
 * vacancy. Each handler validates against the current state, then records one fact; a refused
 * command changes nothing. Who may send each command: {@link Permessi}.
 */
// The registry of enti lives here too (EnteRegistrato is the stream's first event): an ente and its
// organigramma are one consistency boundary, and "no such ente" is simply "no such aggregate".
// cached as the objectives are (CacheObiettivi, checked against the store before every command): an
// import sends a few hundred commands to one organigramma, each would otherwise replay the whole stream
@Aggregate(cache = CacheObiettivi.NOME, lockFactory = BloccoAnticipato.BLOCCHI)
public class Organigramma {

    @AggregateIdentifier
    private String ente;
    private final Set<String> denominazioni = new LinkedHashSet<>();
    private final Map<String, Struttura> strutture = new LinkedHashMap<>();
    private final Map<String, String> persone = new LinkedHashMap<>();
    private final Map<String, Incarico> incarichi = new LinkedHashMap<>();

    protected Organigramma() {
        // required by Axon to rebuild from events
    }

    // CREATE_IF_MISSING rather than a constructor: registering an ente twice gets an Italian 409 from
    // here, not a failure to create the stream; and the interceptor below runs for it too
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(RegistraEnte cmd) {
        if (ente != null) {
            throw new RegolaViolata("L'ente " + cmd.ente() + " è già registrato");
        }
        Testo.richiesto(cmd.nome(), "nome");
        List<String> precedenti = new ArrayList<>(new LinkedHashSet<>(cmd.denominazioniPrecedenti()));
        apply(new EnteRegistrato(cmd.ente(), cmd.nome().strip(), cmd.codiceIstat(), precedenti));
        return cmd.ente();
    }

    @CommandHandler
    String handle(RegistraDenominazione cmd) {
        Testo.richiesto(cmd.denominazione(), "denominazione");
        if (denominazioni.contains(cmd.denominazione())) {
            throw new RegolaViolata("La denominazione '" + cmd.denominazione() + "' è già dell'ente " + ente);
        }
        // whether another ente holds it is checked where every ente's names meet: the table of
        // OrganigrammiInTabelle, in this same transaction (a unique key, so two enti at once cannot both win)
        apply(new DenominazioneRegistrata(ente, cmd.denominazione()));
        return cmd.denominazione();
    }

    @CommandHandler
    String handle(IstituisciStruttura cmd) {
        Testo.richiesto(cmd.codice(), "codice");
        Testo.richiesto(cmd.nome(), "nome");
        richiesto(cmd.tipo(), "tipo");
        Periodo periodo = Periodo.di(cmd.dal(), cmd.al(), "dal", "al");
        if (strutture.containsKey(cmd.codice())) {
            throw new RegolaViolata("La struttura " + cmd.codice() + " esiste già nell'ente " + ente);
        }
        if (cmd.tipo() == TipoStruttura.SETTORE) {
            if (cmd.settore() != null) {
                throw new ValoreNonValido("settore", "Un settore non appartiene a un altro settore: il campo 'settore' va lasciato vuoto");
            }
        } else {
            Struttura settore = struttura(richiesto(cmd.settore(), "settore"));
            if (settore.tipo() != TipoStruttura.SETTORE) {
                throw new RegolaViolata("La struttura " + settore.codice() + " è un ufficio: un ufficio appartiene a un settore");
            }
            if (!settore.periodo().comprende(periodo)) {
                throw new RegolaViolata("L'ufficio " + cmd.codice() + " (" + periodo + ") deve cadere nel periodo del settore "
                        + settore.codice() + " (" + settore.periodo() + ")");
            }
        }
        apply(new StrutturaIstituita(ente, cmd.codice(), cmd.nome().strip(), cmd.tipo(), cmd.settore(), cmd.dal(), cmd.al()));
        return cmd.codice();
    }

    @CommandHandler
    String handle(RinominaStruttura cmd) {
        Struttura struttura = struttura(cmd.codice());
        Testo.richiesto(cmd.nome(), "nome");
        richiestaMotivazione(cmd.motivazione());
        String nome = cmd.nome().strip();
        if (nome.equals(struttura.nome())) {
            throw new RegolaViolata(struttura.descrizione() + " si chiama già '" + nome + "'");
        }
        apply(new StrutturaRinominata(ente, struttura.codice(), struttura.nome(), nome, cmd.motivazione()));
        return struttura.codice();
    }

    @CommandHandler
    String handle(ChiudiStruttura cmd) {
        Struttura struttura = struttura(cmd.codice());
        richiestaMotivazione(cmd.motivazione());
        Periodo chiuso = Periodo.di(struttura.periodo().dal(), richiesto(cmd.al(), "al"), "dal", "al");
        if (cmd.al().equals(struttura.periodo().al())) {
            throw new RegolaViolata(struttura.descrizione() + " termina già il " + Periodo.data(cmd.al()));
        }
        for (Struttura ufficio : strutture.values()) {
            if (struttura.codice().equals(ufficio.settore()) && !chiuso.comprende(ufficio.periodo())) {
                throw new RegolaViolata("L'ufficio " + ufficio.codice() + " del settore " + struttura.codice() + " è valido "
                        + ufficio.periodo() + ": va chiuso prima del settore");
            }
        }
        for (Incarico incarico : incarichi.values()) {
            if (incarico.struttura().equals(struttura.codice()) && !chiuso.comprende(incarico.periodo())) {
                throw new RegolaViolata("L'incarico di " + nome(incarico.persona()) + " su " + struttura.codice() + " dura "
                        + incarico.periodo() + ": va terminato prima di chiudere la struttura il " + Periodo.data(cmd.al()));
            }
        }
        apply(new StrutturaChiusa(ente, struttura.codice(), struttura.periodo().al(), cmd.al(), cmd.motivazione()));
        return struttura.codice();
    }

    @CommandHandler
    String handle(RegistraPersona cmd) {
        richiesto(cmd.identificativo(), "identificativo");
        Testo.richiesto(cmd.nome(), "nome");
        if (persone.containsKey(cmd.identificativo())) {
            throw new RegolaViolata("La persona " + cmd.identificativo() + " è già registrata nell'ente " + ente + " ("
                    + persone.get(cmd.identificativo()) + ")");
        }
        apply(new PersonaRegistrata(ente, cmd.identificativo(), cmd.nome()));
        return cmd.identificativo();
    }

    @CommandHandler
    String handle(CorreggiPersona cmd) {
        String precedente = persona(cmd.identificativo());
        Testo.richiesto(cmd.nome(), "nome");
        richiestaMotivazione(cmd.motivazione());
        if (cmd.nome().equals(precedente)) {
            throw new RegolaViolata("La persona " + cmd.identificativo() + " si chiama già " + precedente);
        }
        apply(new PersonaCorretta(ente, cmd.identificativo(), precedente, cmd.nome(), cmd.motivazione()));
        return cmd.identificativo();
    }

    @CommandHandler
    String handle(ConferisciIncarico cmd) {
        richiesto(cmd.incarico(), "incarico");
        Struttura struttura = struttura(richiesto(cmd.struttura(), "struttura"));
        persona(richiesto(cmd.persona(), "persona"));
        richiesto(cmd.tipo(), "tipo");
        Periodo periodo = Periodo.di(cmd.dal(), cmd.al(), "dal", "al");
        Testo.richiesto(cmd.atto(), "atto");
        if (incarichi.containsKey(cmd.incarico())) {
            throw new RegolaViolata("L'incarico " + cmd.incarico() + " esiste già nell'ente " + ente);
        }
        richiediCompatibile(struttura, periodo, null);
        apply(new IncaricoConferito(ente, cmd.incarico(), struttura.codice(), cmd.persona(), cmd.tipo(), cmd.dal(), cmd.al(),
                cmd.atto().strip()));
        return cmd.incarico();
    }

    @CommandHandler
    String handle(TerminaIncarico cmd) {
        Incarico incarico = incarico(cmd.incarico());
        richiesto(cmd.al(), "al");
        Testo.richiesto(cmd.atto(), "atto");
        Periodo.di(incarico.periodo().dal(), cmd.al(), "dal", "al");
        if (cmd.al().equals(incarico.periodo().al())) {
            throw new RegolaViolata("L'incarico di " + nome(incarico.persona()) + " su " + incarico.struttura() + " termina già il "
                    + Periodo.data(cmd.al()));
        }
        if (incarico.periodo().al() != null && cmd.al().isAfter(incarico.periodo().al())) {
            throw new RegolaViolata("L'incarico di " + nome(incarico.persona()) + " su " + incarico.struttura() + " dura "
                    + incarico.periodo() + ": per prorogarlo al " + Periodo.data(cmd.al()) + " serve una rettifica con motivazione");
        }
        apply(new IncaricoTerminato(ente, incarico.id(), incarico.struttura(), incarico.periodo().al(), cmd.al(), cmd.atto().strip()));
        return incarico.id();
    }

    @CommandHandler
    String handle(CorreggiIncarico cmd) {
        Incarico incarico = incarico(cmd.incarico());
        persona(richiesto(cmd.persona(), "persona"));
        Periodo periodo = Periodo.di(cmd.dal(), cmd.al(), "dal", "al");
        Testo.richiesto(cmd.atto(), "atto");
        richiestaMotivazione(cmd.motivazione());
        IncaricoCorretto.Termini dopo = new IncaricoCorretto.Termini(cmd.persona(), cmd.dal(), cmd.al(), cmd.atto().strip());
        if (dopo.equals(incarico.termini())) {
            throw new RegolaViolata("La rettifica non cambia l'incarico " + incarico.id());
        }
        richiediCompatibile(strutture.get(incarico.struttura()), periodo, incarico.id());
        apply(new IncaricoCorretto(ente, incarico.id(), incarico.struttura(), incarico.termini(), dopo, cmd.motivazione()));
        return incarico.id();
    }

    /**
     * Every command on a registered ente (and the registration itself) is checked against who sends
     * it, and stamped with the ente, role and persona it was done as, which its events then carry;
     * it answers with what it touched and the organigramma's version after the change.
     */
    @CommandHandlerInterceptor
    EsitoOrganigramma autorizza(CommandMessage<?> comando, UnitOfWork<CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData timbro = Permessi.richiedi((ComandoOrganigramma) comando.getPayload(), comando.getMetaData());
        unitOfWork.transformMessage(m -> m.andMetaData(timbro));
        Object voce = chain.proceed();
        return new EsitoOrganigramma(((ComandoOrganigramma) comando.getPayload()).ente(), (String) voce,
                AggregateLifecycle.getVersion());
    }

    // ---- state changes only, no checks: the events are facts ----

    @EventSourcingHandler
    void on(EnteRegistrato e) {
        ente = e.ente();
        denominazioni.addAll(e.denominazioniPrecedenti());
    }

    @EventSourcingHandler
    void on(DenominazioneRegistrata e) {
        denominazioni.add(e.denominazione());
    }

    @EventSourcingHandler
    void on(StrutturaIstituita e) {
        strutture.put(e.codice(), new Struttura(e.codice(), e.nome(), e.tipo(), e.settore(), new Periodo(e.dal(), e.al())));
    }

    @EventSourcingHandler
    void on(StrutturaRinominata e) {
        strutture.computeIfPresent(e.codice(), (k, s) -> new Struttura(s.codice(), e.nome(), s.tipo(), s.settore(), s.periodo()));
    }

    @EventSourcingHandler
    void on(StrutturaChiusa e) {
        strutture.computeIfPresent(e.codice(), (k, s) -> new Struttura(s.codice(), s.nome(), s.tipo(), s.settore(),
                new Periodo(s.periodo().dal(), e.al())));
    }

    @EventSourcingHandler
    void on(PersonaRegistrata e) {
        persone.put(e.identificativo(), e.nome());
    }

    @EventSourcingHandler
    void on(PersonaCorretta e) {
        persone.put(e.identificativo(), e.nome());
    }

    @EventSourcingHandler
    void on(IncaricoConferito e) {
        incarichi.put(e.incarico(), new Incarico(e.incarico(), e.struttura(), e.persona(), e.tipo(),
                new Periodo(e.dal(), e.al()), e.atto()));
    }

    @EventSourcingHandler
    void on(IncaricoTerminato e) {
        incarichi.computeIfPresent(e.incarico(), (k, i) -> i.con(new IncaricoCorretto.Termini(i.persona(), i.periodo().dal(),
                e.al(), i.atto())));
    }

    @EventSourcingHandler
    void on(IncaricoCorretto e) {
        incarichi.computeIfPresent(e.incarico(), (k, i) -> i.con(e.dopo()));
    }

    // ---- helpers ----

    /**
     * An incarico fits its struttura: within the struttura's validity, and on no day together with
     * another incarico of it ({@code escluso}: the one being corrected).
     */
    private void richiediCompatibile(Struttura struttura, Periodo periodo, String escluso) {
        if (!struttura.periodo().comprende(periodo)) {
            throw new RegolaViolata("L'incarico " + periodo + " deve cadere nel periodo di validità della struttura "
                    + struttura.codice() + " (" + struttura.periodo() + ")");
        }
        for (Incarico altro : incarichi.values()) {
            if (altro.struttura().equals(struttura.codice()) && !altro.id().equals(escluso) && altro.periodo().siSovrapponeA(periodo)) {
                throw new RegolaViolata("La struttura " + struttura.codice() + " ha già un responsabile " + altro.periodo() + " ("
                        + nome(altro.persona()) + "): l'incarico " + periodo + " si sovrappone");
            }
        }
    }

    private Struttura struttura(String codice) {
        Struttura struttura = codice == null ? null : strutture.get(codice);
        if (struttura == null) {
            throw new NonTrovato("Struttura " + codice + " non trovata nell'ente " + ente);
        }
        return struttura;
    }

    private String persona(String identificativo) {
        String nome = identificativo == null ? null : persone.get(identificativo);
        if (nome == null) {
            throw new NonTrovato("Persona " + identificativo + " non trovata nell'ente " + ente);
        }
        return nome;
    }

    private Incarico incarico(String id) {
        Incarico incarico = id == null ? null : incarichi.get(id);
        if (incarico == null) {
            throw new NonTrovato("Incarico " + id + " non trovato nell'ente " + ente);
        }
        return incarico;
    }

    private String nome(String identificativo) {
        return Objects.requireNonNullElse(persone.get(identificativo), identificativo);
    }

    private static void richiestaMotivazione(Motivazione motivazione) {
        richiesto(motivazione, "motivazione");
    }

    private static <T> T richiesto(T valore, String campo) {
        if (valore == null) {
            throw new ValoreNonValido(campo, "Il campo '" + campo + "' è obbligatorio");
        }
        return valore;
    }
}
