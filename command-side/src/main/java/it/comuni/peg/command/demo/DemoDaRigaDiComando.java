package it.comuni.peg.command.demo;

import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.command.organigramma.ElencoEntiDimostrativi;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.command.importazione.EsitoImportazione;
import it.comuni.peg.command.importazione.ImportatoreStampa;
import it.comuni.peg.command.importazione.PianoObiettivo;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.database.SenzaDatabaseEsterno;
import it.comuni.peg.platform.sicurezza.RisolutoreIdentita;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * {@code java -jar app.jar --demo}: the real print of the Comune di Capannori imported as the PEG
 * 2023 of the ente {@value #ENTE} (registered by the demo when the store lacks it, as
 * {@code peg.enti-dimostrativi} describes it: {@link ElencoEntiDimostrativi}), its organigramma
 * built by the import, then the year simulated from a fixed seed ({@link AnnoSimulato}), then the
 * server goes on serving it. Run again on the same data, it finds the year already there and only serves.
 *
 * <p>Every simulated person acts through a real accesso, granted in the table {@code accesso} before
 * the year is simulated: {@code simulazione:controllo} the controllo di gestione, {@code simulazione:nucleo}
 * the nucleo, each dirigente and responsabile d'ufficio ({@code simulazione:<name>}) with the role and
 * the persona (the identificativo the import gave the name) the aggregates authorise by incarico.
 * The demo user {@value #UTENTE_DIRIGENTE} becomes the persona of {@value #PERSONA_DIRIGENTE}, so that
 * signing in as them shows that dirigente's PEG.
 *
 * <p>Back-dating lives here and nowhere else. While it simulates, this runner's thread (and only
 * it) sees the simulated day through {@link OrologioSimulato}; two dispatch interceptors, installed
 * for the run and removed after it, mark each command of that thread with {@code simulazione=true}
 * and {@code registratoIl}, and give its events that instant as their timestamp. An HTTP request
 * runs on another thread, so it can never borrow the simulated time, and no API carries a timestamp.
 * Refused on an external database (a real ente's store must never hold a simulated year) unless
 * {@code peg.demo.database-esterno=true}, which only the tests set for their throwaway databases.
 */
@Component
@ConditionalOnProperty(DemoConfig.PROPRIETA)
public class DemoDaRigaDiComando implements ApplicationRunner {

    /** The ente the demo simulates, by its codice IPA: the Comune di Capannori, whose print it imports. */
    public static final String ENTE = "c_b648";
    /** The demo user who signs in as the dirigente of the print's first settore, and the persona they are. */
    static final String UTENTE_DIRIGENTE = "dirigente";
    static final String PERSONA_DIRIGENTE = "GENTILI LUCA";
    public static final int ANNO = 2023;
    static final String STAMPA = "capannori-2023-obiettivi-peg-straordinari.txt";
    /** The example SMVP of docs/smvp the demo's ente adopts ({@link AnnoSimulato#smvpDellEnte}). */
    static final String SMVP = "esempio-gzoom.yaml";
    private static final long SEME = 2023L;

    private static final Logger log = LoggerFactory.getLogger(DemoDaRigaDiComando.class);

    /** What a run did: objectives imported, simulated commands by type, refusals (zero, unless a rule changed). */
    public record Resoconto(boolean eseguita, int obiettivi, Map<String, Integer> comandi, int rifiutati, long millisecondi) {
    }

    private final ImportatoreStampa importatore;
    private final CommandGateway commandGateway;
    private final CommandBus commandBus;
    private final EventStore eventStore;
    private final OrologioSimulato orologio;
    private final Environment environment;
    private final Organigrammi organigrammi;
    private final AccessiUtenti accessi;
    private final ElencoEntiDimostrativi entiDimostrativi;
    private volatile Resoconto resoconto;

    public DemoDaRigaDiComando(ImportatoreStampa importatore, CommandGateway commandGateway, CommandBus commandBus,
                               EventStore eventStore, OrologioSimulato orologio, Environment environment,
                               Organigrammi organigrammi, AccessiUtenti accessi, ElencoEntiDimostrativi entiDimostrativi) {
        this.organigrammi = organigrammi;
        this.entiDimostrativi = entiDimostrativi;
        this.accessi = accessi;
        this.importatore = importatore;
        this.commandGateway = commandGateway;
        this.commandBus = commandBus;
        this.eventStore = eventStore;
        this.orologio = orologio;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments argomenti) throws IOException {
        if (!SenzaDatabaseEsterno.vale(environment) && !environment.getProperty("peg.demo.database-esterno", Boolean.class, false)) {
            log.error("--demo rifiutato: il database è esterno e un anno simulato non deve finire nel registro di un ente reale");
            return;
        }
        resoconto = esegui(environment.getProperty("peg.demo.seme", Long.class, SEME));
    }

    public Resoconto resoconto() {
        return resoconto;
    }

    Resoconto esegui(long seme) throws IOException {
        if (eventStore.lastSequenceNumberFor(CicloValutazioneId.di(ENTE, ANNO)).isPresent()) {
            log.info("Demo: l'anno {} di {} è già nel registro; per ricominciare, fermare l'applicazione e cancellare la cartella dei dati",
                    ANNO, ENTE);
            return new Resoconto(false, 0, Map.of(), 0, 0);
        }
        long inizio = System.nanoTime();
        byte[] stampa;
        String smvp;
        try (InputStream in = DemoDaRigaDiComando.class.getResourceAsStream(STAMPA);
             InputStream metodo = DemoDaRigaDiComando.class.getResourceAsStream(SMVP)) {
            stampa = in.readAllBytes();
            smvp = new String(metodo.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Registration marcatura = commandBus.registerDispatchInterceptor(marcaComandi());
        Registration retrodatazione = eventStore.registerDispatchInterceptor(retrodataEventi());
        Map<String, Integer> comandi = new TreeMap<>();
        int rifiutati = 0;
        try {
            orologio.vaiA(AnnoSimulato.istanteImportazione(ANNO));
            if (organigrammi.codiceEnte(ENTE).filter(ENTE::equals).isEmpty()) {
                // on the embedded default EntiDimostrativi has registered it; a test's fresh database has not
                SecurityContextHolder.clearContext();
                commandGateway.sendAndWait(entiDimostrativi.ente(ENTE).registrazione());
            }
            concedi(AnnoSimulato.CONTROLLO);
            come(AnnoSimulato.CONTROLLO);
            EsitoImportazione esito = importatore.importa(stampa, ENTE, ANNO);
            if (esito.giaPresenti() > 0) {
                log.warn("Demo: {} obiettivi erano già importati con la data vera: le letture al passato prima di oggi non li vedono",
                        esito.giaPresenti());
            }
            Map<String, String> persone = persone();
            List<PianoObiettivo> piani = importatore.piani(stampa, ENTE, ANNO);
            List<Azione> azioni = AnnoSimulato.pianifica(piani, ENTE, ANNO, seme,
                    nome -> persone.get(Codici.identificativoProvvisorio(nome)),
                    AnnoSimulato.smvpDellEnte(DocumentoMetodo.leggi(smvp, DocumentoMetodo.Formato.YAML), ENTE, ANNO));
            // each simulated person acts through a real accesso, as anyone signed in does
            azioni.stream().map(Azione::attore).filter(a -> a.ruolo() != null).distinct().forEach(this::concedi);
            Optional.ofNullable(persone.get(Codici.identificativoProvvisorio(PERSONA_DIRIGENTE))).ifPresent(p -> accessi.concedi(
                    UTENTE_DIRIGENTE, new Accesso(ENTE, Ruolo.DIRIGENTE, p), "demo"));
            log.info("Demo: {} obiettivi importati al {}, organigramma {}, ora {} atti simulati dell'anno {}", piani.size(),
                    AnnoSimulato.istanteImportazione(ANNO), esito.organigramma(), azioni.size(), ANNO);
            for (Azione azione : azioni) {
                orologio.vaiA(azione.istante());
                come(azione.attore());
                try {
                    commandGateway.sendAndWait(azione.comando());
                    comandi.merge(azione.comando().getClass().getSimpleName(), 1, Integer::sum);
                } catch (RuntimeException e) {
                    // a refusal is a bug of the simulation, not of the system: report it and go on
                    rifiutati++;
                    log.warn("Demo: atto simulato rifiutato ({} al {}): {}", azione.comando().getClass().getSimpleName(),
                            azione.istante(), e.getMessage());
                }
            }
            Resoconto r = new Resoconto(true, piani.size(), comandi, rifiutati, (System.nanoTime() - inizio) / 1_000_000);
            log.info("Demo pronta: {} obiettivi, comandi simulati {}, rifiutati {}, in {} s", r.obiettivi(), r.comandi(), r.rifiutati(),
                    r.millisecondi() / 1000);
            return r;
        } finally {
            orologio.torna();
            SecurityContextHolder.clearContext();
            retrodatazione.cancel();
            marcatura.cancel();
        }
    }

    /** Every command of the simulating thread says it is simulated, and when it pretends to be recorded. */
    private MessageDispatchInterceptor<CommandMessage<?>> marcaComandi() {
        return messaggi -> (indice, comando) -> {
            Instant simulato = orologio.simulatoQui();
            return simulato == null ? comando
                    : comando.andMetaData(Map.of(Metadati.SIMULAZIONE, Boolean.TRUE, Metadati.REGISTRATO_IL, simulato.toString()));
        };
    }

    /**
     * Events are stamped by Axon with the real time; a simulated one (marked, and on the simulating
     * thread) takes the simulated instant instead, so that as-of reads over the demo see the year.
     */
    private MessageDispatchInterceptor<EventMessage<?>> retrodataEventi() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messaggi) {
                return (indice, evento) -> {
                    Instant simulato = orologio.simulatoQui();
                    if (simulato == null || !Boolean.TRUE.equals(evento.getMetaData().get(Metadati.SIMULAZIONE))
                            || !(evento instanceof DomainEventMessage<?> dominio)) {
                        return evento;
                    }
                    return retrodata(dominio, simulato);
                };
            }
        };
    }

    private static <T> DomainEventMessage<T> retrodata(DomainEventMessage<T> evento, Instant istante) {
        return new GenericDomainEventMessage<>(evento.getType(), evento.getAggregateIdentifier(), evento.getSequenceNumber(),
                evento, istante);
    }

    /**
     * The persone of the demo's ente by the provisional identificativo of their name (however the import
     * found or registered them): who each name of the print is.
     */
    private Map<String, String> persone() {
        Map<String, String> persone = new HashMap<>();
        organigrammi.persone(ENTE).forEach(p -> persone.putIfAbsent(Codici.identificativoProvvisorio(p.nome()), p.identificativo()));
        return persone;
    }

    /** The simulated user's standing in the demo's ente: its role, and the persona it is. */
    private void concedi(Azione.Attore attore) {
        accessi.concedi(attore.utente(), new Accesso(ENTE, Ruolo.valueOf(attore.ruolo()), attore.persona()), "demo");
    }

    /** The simulated person acting, as the security context tells IdentitaSuiComandi; no role: the system, no authentication. */
    private static void come(Azione.Attore attore) {
        if (attore.ruolo() == null) {
            SecurityContextHolder.clearContext();
        } else {
            SecurityContextHolder.getContext().setAuthentication(new Autenticazione(attore));
        }
    }

    private static final class Autenticazione extends AbstractAuthenticationToken {

        private final Azione.Attore attore;

        Autenticazione(Azione.Attore attore) {
            super(attore.ruolo() == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + attore.ruolo())));
            this.attore = attore;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return attore.utente();
        }

        @Override
        public String getName() {
            return attore.utente();
        }
    }
}
