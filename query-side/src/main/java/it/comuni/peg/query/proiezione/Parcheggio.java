package it.comuni.peg.query.proiezione;

import it.comuni.peg.platform.errori.Radice;
import it.comuni.peg.platform.processori.SorveglianzaSegmenti;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Every failure of a projection parks the event it belongs to, whatever its cause, and lets the rest
 * of the segment go on; a retry applies it once the cause is fixed.
 * <p>
 * Axon's dead-lettering invoker parks what a handler throws, in the batch's own transaction. A failure
 * outside the handler's code, where the projections do most of their writing (the rows of a batch are
 * written just before its commit, see {@link Lotto}, and Hibernate flushes them at commit), rolls back
 * the whole batch, the dead letter with it; the segment then retried the same batch for ever and the
 * queue stayed empty (AxonIQ forum, thread 4737). So, in this order:
 * <ol>
 * <li>a handler's database error does not park inside a transaction it may have doomed ({@link #politica()}):
 * it fails the batch;</li>
 * <li>a failed batch comes to {@link #handleError} (the processors' error handler), which applies its
 * events again one per transaction, in order, through the same invoker. An event whose own transaction
 * fails (in a handler, at flush or at commit) is parked in a transaction of its own; a lock conflict
 * (deadlock, lock wait timeout) is first retried {@code peg.proiezioni.tentativi-contesa} times. The
 * later events of a parked objective are parked behind it, the other objectives are applied, the batch's
 * token is stored, and the work package goes on from the next batch;</li>
 * <li>a parked sequence is retried ({@link #riprovaSequenza}) one event per transaction too, so that an
 * event still failing at commit stays parked, with its new cause, and the others are not held behind it.</li>
 * </ol>
 * A database that is away parks nothing: the batch fails as before and Axon retries it when the segment
 * is claimed again. Events re-applied after a rollback are skipped by the projections' idempotence.
 */
@Component
public class Parcheggio implements ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Parcheggio.class);
    /** How often a long re-application extends the segment's claim, so that no other node steals it meanwhile. */
    private static final Duration ESTENSIONE_CLAIM = Duration.ofSeconds(2);

    /** The batch the current thread is applying: set by {@link #intercettore(String)} as the batch starts. */
    private static final ThreadLocal<LottoInCorso> IN_CORSO = new ThreadLocal<>();

    private final ObjectProvider<EventProcessingConfiguration> configurazione;
    private final TransactionManager nuovaTransazione;
    private final TransactionTemplate transazioneDellaCoda;
    private final int tentativiContesa;
    private final Duration attesaContesa;
    private final SorveglianzaSegmenti sorveglianza;

    public Parcheggio(ObjectProvider<EventProcessingConfiguration> configurazione, PlatformTransactionManager transazioni,
                      SorveglianzaSegmenti sorveglianza,
                      @Value("${peg.proiezioni.tentativi-contesa:3}") int tentativiContesa,
                      @Value("${peg.proiezioni.attesa-contesa:PT0.2S}") Duration attesaContesa) {
        this.configurazione = configurazione;
        // always a transaction of its own: the queue's bookkeeping may be running in the caller's
        this.nuovaTransazione = new SpringTransactionManager(transazioni,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        this.transazioneDellaCoda = new TransactionTemplate(transazioni,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        this.tentativiContesa = tentativiContesa;
        this.attesaContesa = attesaContesa;
        this.sorveglianza = sorveglianza;
    }

    /**
     * A batch of the processor {@code gruppo}, as the error handler recognises it; {@code token} is where the
     * segment stands once the batch is done (the work package's, past the other segments' events too).
     */
    private record LottoInCorso(String gruppo, int segmento, String primoEvento, int eventi, TrackingToken token) {

        boolean e(ErrorContext contesto) {
            List<? extends EventMessage<?>> falliti = contesto.failedEvents();
            return gruppo.equals(contesto.eventProcessor()) && falliti.size() == eventi
                    && falliti.get(0).getIdentifier().equals(primoEvento);
        }
    }

    /**
     * Registered on each projection's processor: notes which segment's batch this thread is applying and
     * the token it ends at, so that {@link #handleError} knows where a failed batch came from (Axon does not
     * say) and where to leave its segment.
     */
    public MessageHandlerInterceptor<EventMessage<?>> intercettore(String gruppo) {
        String chiaveSegmento = "Processor[" + gruppo + "]/SegmentId";
        String chiaveToken = "Processor[" + gruppo + "]/Token";
        return (UnitOfWork<? extends EventMessage<?>> unita, InterceptorChain catena) -> {
            UnitOfWork<?> radice = unita.root();
            Integer segmento = radice.getResource(chiaveSegmento);
            if (segmento != null && radice instanceof BatchingUnitOfWork<?> lotto) {
                // once per batch, at its first event
                radice.getOrComputeResource(LottoInCorso.class.getName(), chiave -> {
                    List<?> messaggi = lotto.getMessages();
                    LottoInCorso corrente = new LottoInCorso(gruppo, segmento,
                            ((EventMessage<?>) messaggi.get(0)).getIdentifier(), messaggi.size(), radice.getResource(chiaveToken));
                    IN_CORSO.set(corrente);
                    return corrente;
                });
            }
            return catena.proceed();
        };
    }

    /**
     * The dead-letter queue's enqueue policy: what a handler throws is parked with its cause, unless it
     * comes from the database. Then the batch's transaction may be doomed (Hibernate marks it rollback-only,
     * a deadlock has already rolled it back), the dead letter would vanish with it, and the event that
     * failed may not even be the one to blame (an automatic flush writes earlier events' rows): the batch
     * fails instead, and {@link #handleError} sorts it out one event at a time.
     */
    public EnqueuePolicy<EventMessage<?>> politica() {
        return (lettera, errore) -> {
            if (dalDatabase(errore)) {
                throw new LottoDaRiapplicare(errore);
            }
            return Decisions.enqueue(causa(errore));
        };
    }

    /**
     * A batch of a projection failed and was rolled back: its events are applied again one per
     * transaction, the ones that fail on their own are parked, and the batch's token is stored. A database that is away, a batch that
     * is not a projection's, or a failure outside a batch (Axon asking whether an event can be handled)
     * are rethrown: Axon then stops the work package and claims the segment again later, as it always did.
     */
    @Override
    public void handleError(ErrorContext contesto) throws Exception {
        LottoInCorso lotto = IN_CORSO.get();
        IN_CORSO.remove();
        if (lotto == null || !lotto.e(contesto) || Guasto.di(contesto.error()) == Guasto.DATABASE_ASSENTE
                || CurrentUnitOfWork.isStarted()) {
            rilancia(contesto.error());
        }
        String gruppo = contesto.eventProcessor();
        LOG.warn("Proiezione {}, segmento {}: un lotto di {} eventi non è stato applicato ({}); li riapplico uno per transazione",
                gruppo, lotto.segmento(), contesto.failedEvents().size(), Radice.descrivi(contesto.error()));
        DeadLetteringEventHandlerInvoker invoker = invoker(gruppo);
        Segment segmento = segmento(gruppo, lotto.segmento());
        TokenStore tokenStore = configurazione.getObject().tokenStore(gruppo);
        long prossimaEstensione = System.nanoTime() + ESTENSIONE_CLAIM.toNanos();
        int parcheggiati = 0;
        for (EventMessage<?> evento : contesto.failedEvents()) {
            if (!applicaDaSolo(gruppo, invoker, segmento, evento)) {
                parcheggiati++;
            }
            if (System.nanoTime() > prossimaEstensione) {
                nuovaTransazione.executeInTransaction(() -> tokenStore.extendClaim(gruppo, segmento.getSegmentId()));
                prossimaEstensione = System.nanoTime() + ESTENSIONE_CLAIM.toNanos();
            }
        }
        if (lotto.token() != null) {
            // The batch is done. Axon's work package takes its token for stored once written at the batch's
            // prepare-commit, before the projection's rows: when the commit then fails, the write is rolled
            // back but the package does not write it again until the segment's next batch, and till then
            // the token store (what every node reports) shows the segment stalled behind the head.
            nuovaTransazione.executeInTransaction(() -> tokenStore.storeToken(lotto.token(), gruppo, segmento.getSegmentId()));
        }
        LOG.warn("Proiezione {}, segmento {}: lotto riapplicato, {} eventi parcheggiati da questo lotto", gruppo,
                segmento.getSegmentId(), parcheggiati);
    }

    /**
     * Applies one event in a transaction of its own, as the processor would (parked sequences included):
     * false when it had to be parked because its own transaction failed.
     */
    private boolean applicaDaSolo(String gruppo, DeadLetteringEventHandlerInvoker invoker, Segment segmento,
                                  EventMessage<?> evento) throws Exception {
        for (int tentativo = 1; ; tentativo++) {
            Throwable errore = inTransazioneNuova(evento, gruppo, segmento, () -> invoker.handle(evento, segmento));
            if (errore == null) {
                return true;
            }
            Guasto guasto = Guasto.di(errore);
            if (guasto == Guasto.DATABASE_ASSENTE) {
                rilancia(errore);
            }
            if (guasto == Guasto.CONTESA && tentativo <= tentativiContesa) {
                // the segment stands still meanwhile: ops see why in its status (a lock held elsewhere)
                sorveglianza.registraErrore(gruppo, segmento.getSegmentId(), errore);
                LOG.info("Proiezione {}: evento {} in contesa ({}), tentativo {} di {}", gruppo, evento.getIdentifier(),
                        Radice.descrivi(errore), tentativo, tentativiContesa);
                Thread.sleep(attesaContesa.toMillis() * tentativo);
                continue;
            }
            parcheggia(gruppo, invoker, segmento, evento, errore);
            return false;
        }
    }

    /** In a transaction of its own, since the one that failed is gone with whatever it wrote. */
    private void parcheggia(String gruppo, DeadLetteringEventHandlerInvoker invoker, Segment segmento, EventMessage<?> evento,
                            Throwable errore) {
        SequencedDeadLetterQueue<EventMessage<?>> coda = coda(gruppo);
        Object sequenza = invoker.getSequencingPolicy().getSequenceIdentifierFor(evento);
        nuovaTransazione.executeInTransaction(() -> coda.enqueue(sequenza,
                new GenericDeadLetter<EventMessage<?>>(sequenza, evento).withCause(causa(errore))));
        // the invoker keeps, per segment, the sequences it parked itself: forget them, or it would apply
        // this objective's next events instead of parking them behind this one
        invoker.segmentReleased(segmento);
        LOG.error("Proiezione {}: evento {} ({} dell'aggregato {}) parcheggiato: {}", gruppo, evento.getIdentifier(),
                evento.getPayloadType().getSimpleName(), sequenza, Radice.descrivi(errore));
    }

    /**
     * Retries the parked sequence of {@code gruppo} touched least recently, in order, one event per
     * transaction; the queue's own bookkeeping (claim, evict, requeue) commits in a transaction of its own
     * around them. Stops at the first event that fails again, which stays parked with its new cause and
     * goes to the back of the queue. True when the whole sequence was applied.
     */
    public boolean riprovaSequenza(String gruppo) {
        SequencedDeadLetterQueue<EventMessage<?>> coda = coda(gruppo);
        DeadLetteringEventHandlerInvoker invoker = invoker(gruppo);
        Boolean riuscita = transazioneDellaCoda.execute(stato -> coda.process(lettera -> {
            EventMessage<?> evento = lettera.message();
            Throwable errore = inTransazioneNuova(evento, gruppo, null, () -> {
                for (EventMessageHandler gestore : invoker.eventHandlers()) {
                    gestore.handle(evento);
                }
            });
            if (errore == null) {
                return Decisions.evict();
            }
            if (Guasto.di(errore) == Guasto.DATABASE_ASSENTE) {
                throw new LottoDaRiapplicare(errore);
            }
            LOG.info("Proiezione {}: l'evento parcheggiato {} fallisce ancora: {}", gruppo, evento.getIdentifier(), Radice.descrivi(errore));
            return Decisions.requeue(causa(errore));
        }));
        return Boolean.TRUE.equals(riuscita);
    }

    /** Runs {@code lavoro} in a new unit of work with a transaction of its own: null, or why it failed. */
    private Throwable inTransazioneNuova(EventMessage<?> evento, String gruppo, Segment segmento, Lavoro lavoro) {
        DefaultUnitOfWork<EventMessage<?>> unita = DefaultUnitOfWork.startAndGet(evento);
        try {
            unita.attachTransaction(nuovaTransazione);
            if (segmento != null) {
                unita.resources().put("Processor[" + gruppo + "]/SegmentId", segmento.getSegmentId());
            }
            ResultMessage<?> esito = unita.executeWithResult(() -> {
                lavoro.esegui();
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            return esito.isExceptional() ? esito.exceptionResult() : null;
        } catch (RuntimeException e) {
            // the transaction could not even start
            if (unita.isActive()) {
                unita.rollback(e);
            }
            return e;
        }
    }

    @FunctionalInterface
    private interface Lavoro {
        void esegui() throws Exception;
    }

    private DeadLetteringEventHandlerInvoker invoker(String gruppo) {
        return configurazione.getObject().sequencedDeadLetterProcessor(gruppo)
                .filter(DeadLetteringEventHandlerInvoker.class::isInstance)
                .map(DeadLetteringEventHandlerInvoker.class::cast)
                .orElseThrow(() -> new IllegalStateException("La proiezione " + gruppo + " non ha una coda di eventi parcheggiati"));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> coda(String gruppo) {
        return configurazione.getObject().deadLetterQueue(gruppo)
                .orElseThrow(() -> new IllegalStateException("La proiezione " + gruppo + " non ha una coda di eventi parcheggiati"));
    }

    /**
     * The segment a failed batch belongs to. The processor's status has no entry for a segment until a
     * batch of it has committed in this process (a segment just claimed from another process, or after a
     * restart, whose first batch fails): its mask then follows from the segment ids in the token store.
     */
    private Segment segmento(String gruppo, int id) {
        StreamingEventProcessor processore = configurazione.getObject().eventProcessor(gruppo, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("Nessun processore " + gruppo));
        EventTrackerStatus stato = processore.processingStatus().get(id);
        if (stato != null) {
            return stato.getSegment();
        }
        return Segment.computeSegment(id, configurazione.getObject().tokenStore(gruppo).fetchSegments(gruppo));
    }

    /**
     * What the dead letter says of its cause: the innermost exception (what the database or the handler
     * really said, e.g. "Data too long for column 'ente'"), and the outermost when they differ. Truncated to
     * the queue's column, never inside a character.
     */
    static ThrowableCause causa(Throwable errore) {
        Throwable radice = Radice.di(errore);
        String messaggio = String.valueOf(radice.getMessage());
        if (radice != errore && !(errore instanceof LottoDaRiapplicare)) {
            messaggio = messaggio + " (" + errore.getClass().getSimpleName() + ")";
        }
        return new ThrowableCause(radice.getClass().getName(), Radice.tronca(messaggio, ThrowableCause.TRUNCATED_MESSAGE_SIZE));
    }

    /** Whether the failure comes from the database (JDBC, JPA or Spring's translation of them). */
    private static boolean dalDatabase(Throwable errore) {
        for (Throwable t = errore; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof jakarta.persistence.PersistenceException
                    || t instanceof org.springframework.dao.DataAccessException
                    || t instanceof org.springframework.transaction.TransactionException) {
                return true;
            }
        }
        return false;
    }

    private static void rilancia(Throwable errore) throws Exception {
        if (errore instanceof Exception e) {
            throw e;
        }
        throw (Error) errore;
    }

    /** A batch failed for a reason of the database, not of the event at hand: applied again one event at a time. */
    static final class LottoDaRiapplicare extends RuntimeException {
        LottoDaRiapplicare(Throwable causa) {
            super(causa.getMessage(), causa);
        }
    }
}
