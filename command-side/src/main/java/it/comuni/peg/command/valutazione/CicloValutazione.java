package it.comuni.peg.command.valutazione;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.Testo;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.comune.ValoriNonValidi;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.valutazione.ChiudiMonitoraggio;
import it.comuni.peg.api.valutazione.DecidiVoceSmvp;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.valutazione.ImpostaMetodoSmvp;
import it.comuni.peg.api.valutazione.ImpostaMetodoValutazione;
import it.comuni.peg.api.valutazione.MetodoSmvpImpostato;
import it.comuni.peg.api.valutazione.MetodoValutazioneImpostato;
import it.comuni.peg.api.valutazione.MonitoraggioChiuso;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.api.valutazione.RegistraValutazione;
import it.comuni.peg.api.valutazione.RelazionePerformanceValidata;
import it.comuni.peg.api.valutazione.ValidaRelazionePerformance;
import it.comuni.peg.api.valutazione.ValutazioneRegistrata;
import it.comuni.peg.api.valutazione.VoceSmvpDecisa;
import it.comuni.peg.command.concorrenza.BloccoAnticipato;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.command.perimetro.PerimetroComandi;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The evaluation cycle of an ente and year: the method's parameters (versioned) and the nucleo's
 * acts. Created by whichever of its commands comes first. It never touches an objective: the nucleo
 * evaluates what the dirigenti reported, it does not edit it.
 */
// the lock BloccoAnticipato takes first in every command's unit of work
@Aggregate(lockFactory = BloccoAnticipato.BLOCCHI)
public class CicloValutazione {

    private static final Set<Ruolo> METODO = EnumSet.of(Ruolo.NUCLEO, Ruolo.CONTROLLO_GESTIONE);
    private static final Set<Ruolo> NUCLEO = EnumSet.of(Ruolo.NUCLEO);

    @AggregateIdentifier
    private String id;
    private int anno;
    private int versioneMetodo;
    private ParametriValutazione parametri = ParametriValutazione.PREDEFINITI;
    private int versioneSmvp;
    /** impronta and inVigoreDal of every SMVP version recorded: recording one of them again says nothing new */
    private final Set<List<Object>> versioniSmvp = new HashSet<>();
    private final Set<LocalDate> monitoraggi = new HashSet<>();
    private final Set<ObiettivoId> valutati = new HashSet<>();
    /** The latest act on the Relazione sulla performance; null before the first. */
    private RelazionePerformanceValidata validazione;

    protected CicloValutazione() {
        // required by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ImpostaMetodoValutazione cmd) {
        richiediCiclo(cmd.ciclo(), cmd.ente(), cmd.anno());
        if (cmd.parametri() == null) {
            throw new ValoreNonValido("parametri", "I parametri del metodo sono obbligatori");
        }
        if (cmd.motivazione() == null) {
            throw new ValoreNonValido("motivazione", "La motivazione è obbligatoria");
        }
        if (!valutati.isEmpty()) {
            throw new RegolaViolata("Il metodo del " + cmd.anno() + " non può cambiare: il nucleo ha già registrato "
                    + valutati.size() + " valutazioni finali");
        }
        if (versioneMetodo > 0 && parametri.ugualeA(cmd.parametri())) {
            throw new RegolaViolata("I parametri sono già quelli in vigore");
        }
        apply(new MetodoValutazioneImpostato(cmd.ciclo(), cmd.ente().strip(), cmd.anno(), versioneMetodo + 1,
                cmd.parametri(), cmd.motivazione()));
    }

    /**
     * A new version of the SMVP: the method is checked whole (schema, {@link it.comuni.peg.api.smvp.RegoleMetodo},
     * its ente and anno the command's) and refused with every error and its path ({@link ValoriNonValidi}),
     * nothing applied. A document sent as text is read here, after {@link #autorizza} has checked the
     * sender's role: whoever may not set the method gets 403 whatever the document says. Unlike the three parameters, the SMVP may change after final evaluations: a closed
     * valutazione keeps the version it was computed with.
     *
     * @throws RegolaViolata when the same method is already recorded in force from the same day
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ImpostaMetodoSmvp cmd) {
        richiediCiclo(cmd.ciclo(), cmd.ente(), cmd.anno());
        if (cmd.inVigoreDal() == null) {
            throw new ValoreNonValido("inVigoreDal", "La data di entrata in vigore del metodo è obbligatoria");
        }
        if (cmd.motivazione() == null) {
            throw new ValoreNonValido("motivazione", "La motivazione è obbligatoria");
        }
        MetodoSmvp metodo = cmd.metodoLetto();
        if (metodo == null) {
            throw new ValoreNonValido("metodo", "Il documento del metodo è obbligatorio");
        }
        List<ValoriNonValidi.Errore> errori = new ArrayList<>();
        if (metodo.ente() != null && !metodo.ente().strip().equals(cmd.ente().strip())) {
            errori.add(new ValoriNonValidi.Errore("$.ente", "Il documento è il metodo dell'ente " + metodo.ente()
                    + ", non dell'ente " + cmd.ente().strip()));
        }
        if (metodo.anno() != null && metodo.anno() != cmd.anno()) {
            errori.add(new ValoriNonValidi.Errore("$.anno", "Il documento è il metodo del " + metodo.anno()
                    + ", non del " + cmd.anno()));
        }
        errori.addAll(DocumentoMetodo.verifica(metodo));
        if (!errori.isEmpty()) {
            throw new ValoriNonValidi(errori);
        }
        String impronta = DocumentoMetodo.impronta(metodo);
        if (versioniSmvp.contains(List.of(impronta, cmd.inVigoreDal()))) {
            throw new RegolaViolata("Lo stesso metodo in vigore dal " + FormaItaliana.data(cmd.inVigoreDal()) + " è già registrato");
        }
        apply(new MetodoSmvpImpostato(cmd.ciclo(), cmd.ente().strip(), cmd.anno(), versioneSmvp + 1, cmd.inVigoreDal(),
                metodo, impronta, cmd.motivazione()));
    }

    /**
     * The nucleo's decision on an item scored under the SMVP. Whether the objective has that phase or
     * indicator, and whether the item can score a forced value, depend on the data and the method at the
     * date of a score: the engine checks them there, naming the decision's path.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DecidiVoceSmvp cmd) {
        richiediCiclo(cmd.ciclo(), cmd.ente(), cmd.anno());
        List<ValoriNonValidi.Errore> errori = new ArrayList<>();
        if (cmd.obiettivoId() == null) {
            errori.add(new ValoriNonValidi.Errore("obiettivoId", "L'obiettivo è obbligatorio"));
        }
        if (cmd.voce() == null) {
            errori.add(new ValoriNonValidi.Errore("voce", "La voce è obbligatoria: OBIETTIVO, FASE o INDICATORE"));
        } else if (cmd.voce() != VoceSmvpDecisa.Voce.OBIETTIVO && (cmd.riferimento() == null || cmd.riferimento().isBlank())) {
            errori.add(new ValoriNonValidi.Errore("riferimento", cmd.voce() == VoceSmvpDecisa.Voce.FASE
                    ? "Indicare il numero della fase" : "Indicare il codice dell'indicatore"));
        } else if (cmd.voce() == VoceSmvpDecisa.Voce.FASE && !cmd.riferimento().strip().matches("[1-9][0-9]{0,3}")) {
            errori.add(new ValoriNonValidi.Errore("riferimento", "Il numero della fase è un intero positivo (ricevuto '"
                    + cmd.riferimento() + "')"));
        }
        if (cmd.tipo() == null) {
            errori.add(new ValoriNonValidi.Errore("tipo", "Il tipo di decisione è obbligatorio: NON_VALUTABILE o FORZATURA"));
        } else if (cmd.tipo() == VoceSmvpDecisa.Tipo.FORZATURA && (cmd.valore() == null || cmd.valore().signum() < 0)) {
            errori.add(new ValoriNonValidi.Errore("valore", "Il raggiungimento forzato è un numero non negativo"));
        } else if (cmd.tipo() == VoceSmvpDecisa.Tipo.NON_VALUTABILE && cmd.valore() != null) {
            errori.add(new ValoriNonValidi.Errore("valore", "Una voce non valutabile non ha un valore"));
        }
        if (cmd.motivazione() == null) {
            errori.add(new ValoriNonValidi.Errore("motivazione", "La motivazione è obbligatoria"));
        }
        if (!errori.isEmpty()) {
            throw new ValoriNonValidi(errori);
        }
        String riferimento = cmd.voce() == VoceSmvpDecisa.Voce.OBIETTIVO ? null : cmd.riferimento().strip();
        apply(new VoceSmvpDecisa(cmd.ciclo(), cmd.ente().strip(), cmd.anno(), cmd.obiettivoId(), cmd.voce(), riferimento,
                cmd.tipo(), cmd.valore(), cmd.motivazione()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChiudiMonitoraggio cmd, Clock clock) {
        richiediCiclo(cmd.ciclo(), cmd.ente(), cmd.anno());
        if (cmd.data() == null) {
            throw new ValoreNonValido("data", "La data del monitoraggio è obbligatoria");
        }
        Testo.lungo(cmd.note(), "note");
        if (cmd.data().getYear() != cmd.anno()) {
            throw new RegolaViolata("Il monitoraggio del PEG " + cmd.anno() + " deve cadere nell'anno (ricevuto " + FormaItaliana.data(cmd.data()) + ")");
        }
        if (cmd.data().isAfter(LocalDate.now(clock))) {
            throw new RegolaViolata("Il monitoraggio al " + FormaItaliana.data(cmd.data()) + " non può essere chiuso prima di quella data");
        }
        if (monitoraggi.contains(cmd.data())) {
            throw new RegolaViolata("Il monitoraggio al " + FormaItaliana.data(cmd.data()) + " è già chiuso");
        }
        apply(new MonitoraggioChiuso(cmd.ciclo(), cmd.ente().strip(), cmd.anno(), cmd.data(), cmd.note()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegistraValutazione cmd, Clock clock) {
        richiediCiclo(cmd.ciclo(), cmd.ente(), cmd.anno());
        if (cmd.obiettivoId() == null) {
            throw new ValoreNonValido("obiettivoId", "L'obiettivo è obbligatorio");
        }
        if (cmd.al() == null) {
            throw new ValoreNonValido("al", "La data di riferimento della valutazione è obbligatoria");
        }
        if (cmd.motivazione() == null) {
            throw new ValoreNonValido("motivazione", "La motivazione è obbligatoria");
        }
        if (cmd.al().getYear() != cmd.anno()) {
            throw new RegolaViolata("La valutazione del PEG " + cmd.anno() + " si riferisce a una data dell'anno (ricevuto " + FormaItaliana.data(cmd.al()) + ")");
        }
        if (!LocalDate.now(clock).isAfter(cmd.al())) {
            throw new RegolaViolata("La valutazione al " + FormaItaliana.data(cmd.al()) + " può essere registrata solo dopo quella data");
        }
        if (valutati.contains(cmd.obiettivoId())) {
            throw new RegolaViolata("La valutazione finale dell'obiettivo " + cmd.obiettivoId() + " è già registrata");
        }
        apply(new ValutazioneRegistrata(cmd.ciclo(), cmd.ente().strip(), cmd.anno(), cmd.obiettivoId(), cmd.al(),
                cmd.valutazioneIndicatori(), cmd.motivazione()));
    }

    /**
     * The nucleo's act on the Relazione sulla performance of the year (D.Lgs. 150/2009, art. 14 c. 4 lett. c):
     * it follows the year's end (the Relazione reports on a closed year, art. 10 c. 1 lett. b), is not dated
     * in the future, and not before an earlier act. A Relazione not validated may be validated by a later
     * act (the ente revised it); a validated one cannot be validated again.
     *
     * @throws ValoriNonValidi naming each missing field (data, esito, motivazione)
     * @throws RegolaViolata   for a date within the year or in the future, before the previous act, or a
     *                         Relazione already validated; dates in the messages dd/mm/yyyy
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ValidaRelazionePerformance cmd, Clock clock) {
        richiediCiclo(cmd.ciclo(), cmd.ente(), cmd.anno());
        List<ValoriNonValidi.Errore> errori = new ArrayList<>();
        if (cmd.data() == null) {
            errori.add(new ValoriNonValidi.Errore("data", "La data della validazione è obbligatoria"));
        }
        if (cmd.esito() == null) {
            errori.add(new ValoriNonValidi.Errore("esito", "L'esito è obbligatorio: VALIDATA o NON_VALIDATA"));
        }
        if (cmd.motivazione() == null) {
            errori.add(new ValoriNonValidi.Errore("motivazione", "La motivazione è obbligatoria"));
        }
        if (!errori.isEmpty()) {
            throw new ValoriNonValidi(errori);
        }
        String relazione = "La Relazione sulla performance " + cmd.anno();
        if (cmd.data().getYear() <= cmd.anno()) {
            throw new RegolaViolata(relazione + " si valida dopo la fine dell'anno, non il " + FormaItaliana.data(cmd.data()));
        }
        if (cmd.data().isAfter(LocalDate.now(clock))) {
            throw new RegolaViolata(relazione + " non può essere validata il " + FormaItaliana.data(cmd.data())
                    + ", data futura");
        }
        if (validazione != null && validazione.esito() == RelazionePerformanceValidata.Esito.VALIDATA) {
            throw new RegolaViolata(relazione + " è già stata validata il " + FormaItaliana.data(validazione.data()));
        }
        if (validazione != null && cmd.data().isBefore(validazione.data())) {
            throw new RegolaViolata("Un nuovo atto sulla Relazione sulla performance " + cmd.anno() + " non può precedere quello del "
                    + FormaItaliana.data(validazione.data()) + " (ricevuto " + FormaItaliana.data(cmd.data()) + ")");
        }
        String atto = cmd.atto() == null || cmd.atto().isBlank() ? null : cmd.atto().strip();
        apply(new RelazionePerformanceValidata(cmd.ciclo(), cmd.ente().strip(), cmd.anno(), cmd.data(), atto, cmd.esito(),
                cmd.motivazione()));
    }

    /**
     * The ente a command names must be a registered codice IPA (404 "Ente X non trovato" otherwise, and
     * for a user without an accesso there: the cycle of another ente is not confirmed to exist). There,
     * the nucleo's acts are the nucleo's alone; the method's parameters may also be set by the controllo
     * di gestione. A command without accessi comes from inside the system itself and passes. The ente,
     * role and persona are stamped on the command, so its events carry them.
     */
    @CommandHandlerInterceptor
    public void autorizza(CommandMessage<?> comando, Organigrammi organigrammi) {
        String ente = Testo.richiesto(enteDi(comando.getPayload()), "ente");
        String codice = PerimetroComandi.enteRegistrato(ente, organigrammi);
        boolean metodo = comando.getPayloadType() == ImpostaMetodoValutazione.class
                || comando.getPayloadType() == ImpostaMetodoSmvp.class;
        Optional<Accesso> accesso = PerimetroComandi.accessoNellEnte(comando.getMetaData(), codice);
        accesso.ifPresent(a -> PerimetroComandi.richiediRuolo(a, metodo ? METODO : NUCLEO, metodo
                ? "il metodo di valutazione è impostato dal nucleo o dal controllo di gestione"
                : "monitoraggi, valutazioni e validazione della Relazione sono atti del nucleo di valutazione"));
        PerimetroComandi.timbra(codice, accesso.orElse(null));
    }

    private static String enteDi(Object comando) {
        if (comando instanceof ImpostaMetodoValutazione c) {
            return c.ente();
        }
        if (comando instanceof ImpostaMetodoSmvp c) {
            return c.ente();
        }
        if (comando instanceof ChiudiMonitoraggio c) {
            return c.ente();
        }
        if (comando instanceof DecidiVoceSmvp c) {
            return c.ente();
        }
        if (comando instanceof RegistraValutazione c) {
            return c.ente();
        }
        if (comando instanceof ValidaRelazionePerformance c) {
            return c.ente();
        }
        throw new IllegalArgumentException("Comando non previsto dal ciclo di valutazione: " + comando.getClass().getName());
    }

    @CommandHandlerInterceptor
    public Object versioneDopo(InterceptorChain chain) throws Exception {
        chain.proceed();
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(MetodoValutazioneImpostato e) {
        id = e.ciclo();
        anno = e.anno();
        versioneMetodo = e.versione();
        parametri = e.parametri();
    }

    @EventSourcingHandler
    void on(MetodoSmvpImpostato e) {
        id = e.ciclo();
        anno = e.anno();
        versioneSmvp = e.versione();
        versioniSmvp.add(List.of(e.impronta(), e.inVigoreDal()));
    }

    @EventSourcingHandler
    void on(VoceSmvpDecisa e) {
        id = e.ciclo();
        anno = e.anno();
    }

    @EventSourcingHandler
    void on(MonitoraggioChiuso e) {
        id = e.ciclo();
        anno = e.anno();
        monitoraggi.add(e.data());
    }

    @EventSourcingHandler
    void on(ValutazioneRegistrata e) {
        id = e.ciclo();
        anno = e.anno();
        valutati.add(e.obiettivoId());
    }

    @EventSourcingHandler
    void on(RelazionePerformanceValidata e) {
        id = e.ciclo();
        anno = e.anno();
        validazione = e;
    }

    /** The stream is named after ente and anno: a command that disagrees with its own target is a bug. */
    private static void richiediCiclo(String ciclo, String ente, int anno) {
        if (ente == null || ente.isBlank()) {
            throw new ValoreNonValido("ente", "L'ente è obbligatorio");
        }
        if (!CicloValutazioneId.di(ente, anno).equals(ciclo)) {
            throw new ValoreNonValido("ciclo", "Il ciclo di valutazione non corrisponde a ente e anno");
        }
    }
}
