package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.Calendario;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.command.concorrenza.BloccoAnticipato;
import it.comuni.peg.command.concorrenza.CacheObiettivi;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Periodo;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.Testo;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.smvp.TipoIndicatore;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.consuntivo.ConsuntivoRettificato;
import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.consuntivo.RettificaConsuntivo;
import it.comuni.peg.api.consuntivo.Rilevazione;
import it.comuni.peg.api.fase.CompletaFase;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.fase.FaseRimodulata;
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.fase.RimodulaFase;
import it.comuni.peg.api.indicatore.DefinisciIndicatore;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.obiettivo.ModificaObiettivo;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.obiettivo.ObiettivoModificato;
import it.comuni.peg.api.obiettivo.ObiettivoRinominato;
import it.comuni.peg.api.obiettivo.ObiettivoSpostato;
import it.comuni.peg.api.obiettivo.RinominaObiettivo;
import it.comuni.peg.api.obiettivo.SpostaObiettivo;
import it.comuni.peg.api.persona.AssegnaPersona;
import it.comuni.peg.api.persona.AssegnazioneTerminata;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.api.persona.TerminaAssegnazione;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.command.perimetro.PerimetroComandi;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An Obiettivo PEG: the consistency boundary of everything planned and recorded about it. Each
 * handler validates against the current state, then records one fact; event sourcing handlers only
 * change state.
 */
// No snapshots: an objective holds a few hundred events a year, and the Jackson serializer cannot
// write this class's private state into a snapshot (it would load back empty). Loaded objectives
// stay in memory instead (CacheObiettivi, checked against the store before each command). The lock is
// the one BloccoAnticipato takes first in every command's unit of work.
@Aggregate(cache = CacheObiettivi.NOME, lockFactory = BloccoAnticipato.BLOCCHI)
public class Obiettivo {

    /** Years outside this range are typing errors, not PEGs. */
    private static final int PRIMO_ANNO = 2000;
    private static final int ULTIMO_ANNO = 2100;

    @AggregateIdentifier
    private ObiettivoId id;
    /** As recorded: a codice IPA, or on an objective defined before enti had codes, the ente's name. */
    private String ente;
    private int anno;
    private String titolo;
    /** The current settore and ufficio (null: the settore as a whole): whose incarico records progress. */
    private Settore settore;
    private Ufficio ufficio;
    private Peso pesoIndicatori;
    private Peso pesoFasi;
    private ObiettivoModificato.Contenuto contenuto;
    private final Map<Integer, Fase> fasi = new LinkedHashMap<>();
    private final Map<String, Indicatore> indicatori = new LinkedHashMap<>();
    /** The kind of each indicator's values, fixed by its first value ({@link ValoreDiIndicatore}). */
    private final Map<String, TipoIndicatore> tipiValore = new LinkedHashMap<>();
    private final List<Assegnazione> assegnazioni = new ArrayList<>();

    protected Obiettivo() {
        // required by Axon to rebuild from events
    }

    /**
     * The ente must be a registered codice IPA (404 "Ente X non trovato" otherwise), the settore and
     * ufficio codes of its organigramma (404 naming the code otherwise); their names and responsabili
     * on the command are kept as printed, for information.
     */
    @CommandHandler
    public Obiettivo(DefinisciObiettivo cmd, MetaData metadati, Organigrammi organigrammi) {
        Testo.richiesto(cmd.ente(), "ente");
        String codiceEnte = PerimetroComandi.enteRegistrato(cmd.ente(), organigrammi);
        Autorizzazione.richiediDefinizione(metadati, codiceEnte);
        Testo.richiesto(cmd.titolo(), "titolo");
        Testo.lungo(cmd.descrizione(), "descrizione");
        richiesto(cmd.settore(), "settore");
        if (cmd.anno() < PRIMO_ANNO || cmd.anno() > ULTIMO_ANNO) {
            throw new ValoreNonValido("anno", "L'anno deve essere compreso tra " + PRIMO_ANNO + " e " + ULTIMO_ANNO);
        }
        richiediPesiComplementari(cmd.pesoIndicatori(), cmd.pesoFasi());
        Strutture.richiedi(organigrammi, codiceEnte, cmd.settore().codice(), cmd.ufficio() == null ? null : cmd.ufficio().codice());
        apply(new ObiettivoDefinito(cmd.obiettivoId(), codiceEnte, cmd.anno(), cmd.titolo().strip(),
                cmd.descrizione(), cmd.settore(), cmd.ufficio(), cmd.pesoIndicatori(), cmd.pesoFasi(),
                cmd.dupStrategico(), cmd.dupOperativo()));
    }

    @CommandHandler
    public void handle(ModificaObiettivo cmd) {
        Testo.lungo(cmd.descrizione(), "descrizione");
        richiediPesiComplementari(cmd.pesoIndicatori(), cmd.pesoFasi());
        richiediMotivazione(cmd.motivazione());
        var dopo = new ObiettivoModificato.Contenuto(cmd.descrizione(), cmd.pesoIndicatori(), cmd.pesoFasi(),
                cmd.dupStrategico(), cmd.dupOperativo());
        if (uguali(contenuto, dopo)) {
            throw new RegolaViolata("La modifica non cambia nulla dell'obiettivo");
        }
        apply(new ObiettivoModificato(id, contenuto, dopo, cmd.motivazione()));
    }

    /**
     * Moves the objective to another settore and/or ufficio of the ente's organigramma, with a
     * motivazione. The event carries the strutture before and after, the new ones named as the
     * organigramma names them, with who holds their incarico today.
     */
    @CommandHandler
    public void handle(SpostaObiettivo cmd, Organigrammi organigrammi, Clock clock) {
        String nuovoSettore = Testo.richiesto(cmd.settore(), "settore").strip();
        String nuovoUfficio = cmd.ufficio() == null || cmd.ufficio().isBlank() ? null : cmd.ufficio().strip();
        richiediMotivazione(cmd.motivazione());
        String ufficioOra = ufficio == null ? null : ufficio.codice();
        if (nuovoSettore.equals(settore.codice()) && Objects.equals(nuovoUfficio, ufficioOra)) {
            throw new RegolaViolata("Lo spostamento non cambia settore né ufficio dell'obiettivo");
        }
        LocalDate oggi = LocalDate.now(clock);
        Optional<String> codiceEnte = organigrammi.codiceEnte(ente);
        Settore settoreDopo;
        Ufficio ufficioDopo;
        if (codiceEnte.isPresent()) {
            Strutture.richiedi(organigrammi, codiceEnte.get(), nuovoSettore, nuovoUfficio);
            settoreDopo = Strutture.settore(organigrammi, codiceEnte.get(), nuovoSettore, oggi);
            ufficioDopo = nuovoUfficio == null ? null : Strutture.ufficio(organigrammi, codiceEnte.get(), nuovoUfficio, oggi);
        } else {
            // an objective recorded under the name of an ente never registered: no organigramma to check against
            settoreDopo = new Settore(nuovoSettore, null, null);
            ufficioDopo = nuovoUfficio == null ? null : new Ufficio(nuovoUfficio, null, null);
        }
        apply(new ObiettivoSpostato(id, settore, ufficio, settoreDopo, ufficioDopo, cmd.motivazione()));
    }

    /** Changes the titolo, with a motivazione. */
    @CommandHandler
    public void handle(RinominaObiettivo cmd) {
        String nuovo = Testo.richiesto(cmd.titolo(), "titolo").strip();
        richiediMotivazione(cmd.motivazione());
        if (nuovo.equals(titolo)) {
            throw new RegolaViolata("Il titolo dell'obiettivo è già «" + titolo + "»");
        }
        apply(new ObiettivoRinominato(id, titolo, nuovo, cmd.motivazione()));
    }

    /**
     * A person named by identificativo ({@code persona}) must exist in the organigramma of the
     * objective's ente, whose name then stands (404 otherwise); a person named by {@code nome} alone
     * is known by that name. The same person may not have two assignments that overlap.
     */
    @CommandHandler
    public void handle(AssegnaPersona cmd, Organigrammi organigrammi) {
        Testo.facoltativo(cmd.categoria(), "categoria");
        Testo.facoltativo(cmd.ruolo(), "ruolo");
        Periodo periodo = new Periodo(Calendario.plausibile(cmd.inizio(), "inizio"), Calendario.plausibile(cmd.fine(), "fine"));
        String persona = identificativo(cmd.persona());
        String nome = normalizzaNome(nome(persona, cmd.nome(), organigrammi));
        assegnazioni.stream()
                .filter(a -> a.di(persona, nome) && a.periodo().siSovrapponeA(periodo))
                .findFirst()
                .ifPresent(a -> {
                    throw new RegolaViolata(nome + " è già assegnato all'obiettivo dal " + FormaItaliana.data(a.periodo().inizio())
                            + " al " + FormaItaliana.data(a.periodo().fine()) + ": i periodi non possono sovrapporsi");
                });
        apply(new PersonaAssegnata(id, nome, persona, cmd.categoria(), cmd.ruolo(), cmd.inizio(), cmd.fine()));
    }

    /** Ends the running assignment of the person named by identificativo, or else by name. */
    @CommandHandler
    public void handle(TerminaAssegnazione cmd) {
        String persona = identificativo(cmd.persona());
        if (persona == null) {
            Testo.richiesto(cmd.nome(), "nome");
        }
        Calendario.plausibile(richiesto(cmd.fine(), "fine"), "fine");
        String nome = cmd.nome() == null ? null : normalizzaNome(cmd.nome());
        String chi = persona != null ? persona : nome;
        Assegnazione assegnazione = assegnazioni.stream()
                .filter(a -> (persona != null ? persona.equals(a.persona()) : a.nome().equals(nome)) && a.periodo().contiene(cmd.fine()))
                .findFirst()
                .orElseThrow(() -> new NonTrovato(chi + " non ha un'assegnazione in corso il " + FormaItaliana.data(cmd.fine())));
        if (assegnazione.periodo().fine().equals(cmd.fine())) {
            throw new RegolaViolata("L'assegnazione di " + assegnazione.nome() + " termina già il " + FormaItaliana.data(cmd.fine()));
        }
        apply(new AssegnazioneTerminata(id, assegnazione.nome(), assegnazione.persona(), assegnazione.periodo().inizio(),
                assegnazione.periodo().fine(), cmd.fine()));
    }

    @CommandHandler
    public void handle(PianificaFase cmd) {
        if (cmd.numero() < 1) {
            throw new ValoreNonValido("numero", "Il numero della fase deve essere positivo");
        }
        Testo.richiesto(cmd.titolo(), "titolo");
        Testo.lungo(cmd.descrizione(), "descrizione");
        if (fasi.containsKey(cmd.numero())) {
            throw new RegolaViolata("La fase " + cmd.numero() + " esiste già nell'obiettivo");
        }
        Pianificazione piano = pianificazione(cmd.inizio(), cmd.fine(), cmd.mesiPrevisti());
        apply(new FasePianificata(id, cmd.numero(), cmd.titolo().strip(), cmd.descrizione(), piano.inizio(),
                piano.fine(), piano.mesiPrevisti(), cmd.mesiPrevisti() != null && !cmd.mesiPrevisti().isEmpty()));
    }

    @CommandHandler
    public void handle(RimodulaFase cmd) {
        Fase fase = fase(cmd.numero());
        richiediMotivazione(cmd.motivazione());
        fase.richiediNonCompletata("essere rimodulata");
        Pianificazione nuova = pianificazione(cmd.inizio(), cmd.fine(), cmd.mesiPrevisti());
        if (nuova.equals(fase.pianificazione())) {
            throw new RegolaViolata("La rimodulazione non cambia il piano della fase " + cmd.numero());
        }
        apply(new FaseRimodulata(id, cmd.numero(), fase.pianificazione(), nuova, cmd.motivazione()));
    }

    @CommandHandler
    public void handle(RegistraConsuntivo cmd, Clock clock) {
        Fase fase = fase(cmd.fase());
        richiesto(cmd.mese(), "mese");
        richiesto(cmd.percentuale(), "percentuale");
        Testo.lungo(cmd.note(), "note");
        Testo.facoltativo(cmd.atto(), "atto");
        fase.richiediNonCompletata("ricevere nuovi consuntivi (usare una rettifica)");
        richiediMesePassato(cmd.mese(), clock);
        if (fase.haConsuntivo(cmd.mese())) {
            throw new RegolaViolata("Il consuntivo di " + FormaItaliana.mese(cmd.mese()) + " per la fase " + cmd.fase()
                    + " è già registrato: per correggerlo serve una rettifica con motivazione");
        }
        fase.richiediCumulativa(cmd.mese(), cmd.percentuale());
        apply(new ConsuntivoRegistrato(id, cmd.fase(), cmd.mese(), cmd.svolta(), cmd.percentuale(), cmd.note(), cmd.atto()));
    }

    @CommandHandler
    public void handle(RettificaConsuntivo cmd) {
        Fase fase = fase(cmd.fase());
        richiesto(cmd.mese(), "mese");
        richiesto(cmd.percentuale(), "percentuale");
        Testo.lungo(cmd.note(), "note");
        Testo.facoltativo(cmd.atto(), "atto");
        richiediMotivazione(cmd.motivazione());
        Rilevazione precedente = fase.consuntivo(cmd.mese())
                .orElseThrow(() -> new NonTrovato("Nessun consuntivo di " + FormaItaliana.mese(cmd.mese()) + " da rettificare per la fase " + cmd.fase()));
        Rilevazione nuova = new Rilevazione(cmd.svolta(), cmd.percentuale(), cmd.note(), cmd.atto());
        if (nuova.equals(precedente)) {
            throw new RegolaViolata("La rettifica non cambia il consuntivo di " + FormaItaliana.mese(cmd.mese()));
        }
        fase.richiediCumulativa(cmd.mese(), cmd.percentuale());
        apply(new ConsuntivoRettificato(id, cmd.fase(), cmd.mese(), precedente, nuova, cmd.motivazione()));
    }

    @CommandHandler
    public void handle(CompletaFase cmd, Clock clock) {
        Fase fase = fase(cmd.numero());
        Calendario.plausibile(richiesto(cmd.data(), "data"), "data");
        Testo.facoltativo(cmd.atto(), "atto");
        fase.richiediNonCompletata("essere completata di nuovo");
        if (cmd.data().isAfter(LocalDate.now(clock))) {
            throw new RegolaViolata("La data di completamento (" + FormaItaliana.data(cmd.data()) + ") non può essere nel futuro");
        }
        fase.richiediCompletabileIl(cmd.data());
        apply(new FaseCompletata(id, cmd.numero(), cmd.data(), cmd.atto()));
    }

    @CommandHandler
    public void handle(DefinisciIndicatore cmd) {
        Testo.richiesto(cmd.codice(), "codice");
        Testo.richiesto(cmd.nome(), "nome");
        Testo.facoltativo(cmd.unita(), "unita");
        if (Calendario.plausibile(cmd.dataAttesa(), "dataAttesa") == null) {
            richiesto(cmd.valoreAtteso(), "valoreAtteso");
        } else if (cmd.valoreAtteso() != null) {
            throw new ValoreNonValido("valoreAtteso", "Un indicatore con data attesa ha per obiettivo quella data, non un valore atteso");
        }
        richiesto(cmd.direzione(), "direzione");
        richiesto(cmd.peso(), "peso");
        if (indicatori.containsKey(cmd.codice())) {
            throw new RegolaViolata("L'indicatore " + cmd.codice() + " esiste già nell'obiettivo");
        }
        if (cmd.valoreAtteso() != null && cmd.valoreAtteso().signum() < 0) {
            throw new ValoreNonValido("valoreAtteso", "Il valore atteso non può essere negativo");
        }
        if (cmd.valoreAnnoPrecedente() != null && cmd.valoreAnnoPrecedente().signum() < 0) {
            throw new ValoreNonValido("valoreAnnoPrecedente", "Il valore dell'anno precedente non può essere negativo");
        }
        if (cmd.peso().valore().signum() == 0) {
            throw new ValoreNonValido("peso", "Un indicatore con peso 0 non conterebbe nella valutazione");
        }
        BigDecimal totale = indicatori.values().stream().map(i -> i.peso().valore()).reduce(cmd.peso().valore(), BigDecimal::add);
        if (totale.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RegolaViolata("I pesi degli indicatori sommerebbero a " + FormaItaliana.numero(totale)
                    + ": non possono superare 100");
        }
        apply(new IndicatoreDefinito(id, cmd.codice().strip(), cmd.nome().strip(), cmd.unita(), cmd.valoreAtteso(),
                cmd.direzione(), cmd.peso(), cmd.dataAttesa(), cmd.valoreAnnoPrecedente()));
    }

    @CommandHandler
    public void handle(RegistraValoreIndicatore cmd, Clock clock) {
        Indicatore indicatore = indicatore(cmd.codice());
        TipoIndicatore tipo = ValoreDiIndicatore.tipo(cmd);
        Calendario.plausibile(richiesto(cmd.dataRiferimento(), "dataRiferimento"), "dataRiferimento");
        Testo.lungo(cmd.note(), "note");
        if (cmd.dataRiferimento().isAfter(LocalDate.now(clock))) {
            throw new RegolaViolata("La data di riferimento (" + FormaItaliana.data(cmd.dataRiferimento()) + ") non può essere nel futuro");
        }
        ValoreDiIndicatore.stessoTipo(indicatore.codice(), tipiValore.get(indicatore.codice()), tipo);
        apply(ValoreDiIndicatore.evento(id, indicatore.codice(), cmd, tipo));
    }

    /**
     * Every command on an existing objective is checked against who sends it, before anything else:
     * the ente and role of the user, and for progress the incarico their persona holds today in the
     * organigramma ({@link Autorizzazione}).
     */
    @CommandHandlerInterceptor
    public void autorizza(CommandMessage<?> comando, Organigrammi organigrammi, Clock clock) {
        Autorizzazione.richiedi(comando, id, ente, settore, ufficio, organigrammi, LocalDate.now(clock));
    }

    /** Every command on an existing objective answers with its version after the change (the ETag). */
    @CommandHandlerInterceptor
    public Object versioneDopo(InterceptorChain chain) throws Exception {
        chain.proceed();
        return AggregateLifecycle.getVersion();
    }

    // ---- state changes only, no checks: the events are facts ----

    @EventSourcingHandler
    void on(ObiettivoDefinito e) {
        id = e.obiettivoId();
        ente = e.ente();
        anno = e.anno();
        titolo = e.titolo();
        settore = e.settore();
        ufficio = e.ufficio();
        pesoIndicatori = e.pesoIndicatori();
        pesoFasi = e.pesoFasi();
        contenuto = new ObiettivoModificato.Contenuto(e.descrizione(), e.pesoIndicatori(), e.pesoFasi(),
                e.dupStrategico(), e.dupOperativo());
    }

    @EventSourcingHandler
    void on(ObiettivoModificato e) {
        contenuto = e.dopo();
        pesoIndicatori = e.dopo().pesoIndicatori();
        pesoFasi = e.dopo().pesoFasi();
    }

    @EventSourcingHandler
    void on(ObiettivoSpostato e) {
        settore = e.settoreDopo();
        ufficio = e.ufficioDopo();
    }

    @EventSourcingHandler
    void on(ObiettivoRinominato e) {
        titolo = e.titoloDopo();
    }

    @EventSourcingHandler
    void on(PersonaAssegnata e) {
        assegnazioni.add(new Assegnazione(e.nome(), e.persona(), new Periodo(e.inizio(), e.fine())));
    }

    @EventSourcingHandler
    void on(AssegnazioneTerminata e) {
        assegnazioni.replaceAll(a -> a.di(e.persona(), e.nome()) && a.periodo().inizio().equals(e.inizio())
                ? new Assegnazione(a.nome(), a.persona(), new Periodo(e.inizio(), e.fine())) : a);
    }

    @EventSourcingHandler
    void on(FasePianificata e) {
        fasi.put(e.numero(), new Fase(e.numero(), new Pianificazione(e.inizio(), e.fine(), e.mesiPrevisti())));
    }

    @EventSourcingHandler
    void on(FaseRimodulata e) {
        fasi.get(e.numero()).rimodula(e.nuova());
    }

    @EventSourcingHandler
    void on(ConsuntivoRegistrato e) {
        fasi.get(e.fase()).registra(e.mese(), new Rilevazione(e.svolta(), e.percentuale(), e.note(), e.atto()));
    }

    @EventSourcingHandler
    void on(ConsuntivoRettificato e) {
        fasi.get(e.fase()).registra(e.mese(), e.nuova());
    }

    @EventSourcingHandler
    void on(FaseCompletata e) {
        fasi.get(e.numero()).completa(e.data());
    }

    @EventSourcingHandler
    void on(IndicatoreDefinito e) {
        indicatori.put(e.codice(), new Indicatore(e.codice(), e.peso()));
        if (e.dataAttesa() != null) {
            // the plan says it: a target date makes a date indicator
            tipiValore.put(e.codice(), TipoIndicatore.DATA);
        }
    }

    @EventSourcingHandler
    void on(ValoreIndicatoreRegistrato e) {
        tipiValore.putIfAbsent(e.codice(), ValoreDiIndicatore.tipo(e));
    }

    // ---- helpers ----

    private Fase fase(int numero) {
        Fase fase = fasi.get(numero);
        if (fase == null) {
            throw new NonTrovato("L'obiettivo non ha la fase " + numero);
        }
        return fase;
    }

    private Indicatore indicatore(String codice) {
        Indicatore indicatore = codice == null ? null : indicatori.get(codice);
        if (indicatore == null) {
            throw new NonTrovato("L'obiettivo non ha l'indicatore " + codice);
        }
        return indicatore;
    }

    /** The plan of a phase: dates optional together, months from the marks or else from the dates. */
    private Pianificazione pianificazione(LocalDate inizio, LocalDate fine, List<YearMonth> mesiEspliciti) {
        Periodo periodo = Periodo.facoltativo(Calendario.plausibile(inizio, "inizio"), Calendario.plausibile(fine, "fine"));
        if (periodo != null && (YearMonth.from(periodo.fine()).getYear() < anno || periodo.inizio().getYear() > anno)) {
            throw new RegolaViolata("Il periodo della fase (" + FormaItaliana.data(inizio) + " – " + FormaItaliana.data(fine) + ") non tocca l'anno " + anno + " del PEG");
        }
        List<YearMonth> mesi;
        if (mesiEspliciti != null && !mesiEspliciti.isEmpty()) {
            if (mesiEspliciti.stream().anyMatch(Objects::isNull)) {
                throw new ValoreNonValido("mesiPrevisti", "I mesi previsti non possono contenere valori vuoti");
            }
            mesi = mesiEspliciti.stream().distinct().sorted().toList();
            if (mesi.get(0).getYear() < anno - 1 || mesi.get(mesi.size() - 1).getYear() > anno + 1) {
                throw new RegolaViolata("I mesi previsti devono cadere tra l'anno precedente e il successivo a quello del PEG (" + anno + ")");
            }
        } else {
            mesi = periodo == null ? List.of() : periodo.mesi();
        }
        return new Pianificazione(inizio, fine, mesi);
    }

    private static void richiediPesiComplementari(Peso pesoIndicatori, Peso pesoFasi) {
        richiesto(pesoIndicatori, "pesoIndicatori");
        richiesto(pesoFasi, "pesoFasi");
        BigDecimal somma = pesoIndicatori.valore().add(pesoFasi.valore());
        if (somma.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new RegolaViolata("Peso indicatori e peso fasi devono sommare a 100 (sommano a "
                    + FormaItaliana.numero(somma) + ")");
        }
    }

    private static void richiediMotivazione(Motivazione motivazione) {
        if (motivazione == null) {
            throw new ValoreNonValido("motivazione", "La motivazione è obbligatoria");
        }
    }

    /** A consuntivo describes a month that has begun: never a month after the day it is recorded. */
    private static void richiediMesePassato(YearMonth mese, Clock clock) {
        if (mese.isAfter(YearMonth.now(clock))) {
            throw new RegolaViolata("Il consuntivo non può riferirsi a un mese futuro (" + FormaItaliana.mese(mese) + ")");
        }
    }

    private static <T> T richiesto(T valore, String campo) {
        if (valore == null) {
            throw new ValoreNonValido(campo, "Il campo '" + campo + "' è obbligatorio");
        }
        return valore;
    }

    /** Weights compare by value: 50 and 50.0 are the same weight. */
    private static boolean uguali(ObiettivoModificato.Contenuto a, ObiettivoModificato.Contenuto b) {
        return Objects.equals(a.descrizione(), b.descrizione())
                && a.pesoIndicatori().ugualeA(b.pesoIndicatori())
                && a.pesoFasi().ugualeA(b.pesoFasi())
                && Objects.equals(a.dupStrategico(), b.dupStrategico())
                && Objects.equals(a.dupOperativo(), b.dupOperativo());
    }

    private static String identificativo(String persona) {
        return persona == null || persona.isBlank() ? null : persona.strip();
    }

    /**
     * The name of the person assigned: the organigramma's for one named by identificativo in an ente
     * that has an organigramma (404 when it has no such person), else the name sent.
     */
    private String nome(String persona, String nome, Organigrammi organigrammi) {
        Optional<String> codiceEnte = persona == null ? Optional.empty() : organigrammi.codiceEnte(ente);
        if (codiceEnte.isEmpty()) {
            return Testo.richiesto(nome, "nome");
        }
        return organigrammi.persona(codiceEnte.get(), persona).map(Organigrammi.PersonaNota::nome)
                .orElseThrow(() -> new NonTrovato("Persona " + persona + " non trovata nell'organigramma dell'ente " + codiceEnte.get()));
    }

    /** Names in the print are upper case; one person is one name, however it was typed. */
    private static String normalizzaNome(String nome) {
        return nome.strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ITALIAN);
    }
}
