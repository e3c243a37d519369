package it.comuni.peg.query.replay;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.platform.processori.SorveglianzaSegmenti;
import it.comuni.peg.platform.processori.StatoSegmento;
import it.comuni.peg.platform.processori.TokenCondivisi;
import it.comuni.peg.platform.processori.Battiti;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.InBlocco;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds projections from the event store: stop their processors, reset their tokens to the tail
 * (the @ResetHandler empties the tables in the same step), write every row by the fast path, move
 * the tokens to the head it read and start the processors again. The projection answers 503 until
 * then (or, on the slow path, until every segment has passed the head of the store as it was when
 * the rebuild began: Axon's isReplaying() stays true at the head until a newer event arrives).
 * A reset needs every segment of the processor, on every node: the other processes that run it make way
 * through the shared database ({@link Pause}) and resume at the end; when they do not release their
 * segments within {@code peg.proiezioni.pausa.attesa} the rebuild is refused ({@link RicostruzioneRifiutata},
 * a 409) and this process goes on as before.
 */
@Service
public class Ricostruzioni {

    private static final Logger log = LoggerFactory.getLogger(Ricostruzioni.class);

    private final EventProcessingConfiguration processori;
    private final Disponibilita disponibilita;
    private final JdbcTemplate jdbc;
    private final RicostruzioneInBlocco inBlocco;
    private final List<InBlocco> proiezioni;
    private final TokenStore tokenStore;
    private final TransactionTemplate transazione;
    private final TokenCondivisi token;
    private final SorveglianzaSegmenti sorveglianza;
    private final Pause pause;
    private final Duration attesaSegmenti;
    private final Map<String, Corsa> corse = new ConcurrentHashMap<>();
    /** How long a claim waits for a token row another process has locked, before trying again (MariaDB seconds). */
    private static final int ATTESA_LOCK_SECONDI = 1;

    /** One rebuild of a projection; {@code letti} counts the events the fast path has read. */
    private record Corsa(Instant iniziata, long inizioNanos, long testa, AtomicLong letti, Instant terminata, long durataNanos) {
    }

    public Ricostruzioni(EventProcessingConfiguration processori, Disponibilita disponibilita, JdbcTemplate jdbc,
                         RicostruzioneInBlocco inBlocco, List<InBlocco> proiezioni, TokenStore tokenStore,
                         PlatformTransactionManager transazioni, TokenCondivisi token, SorveglianzaSegmenti sorveglianza,
                         Pause pause, @Value("${peg.proiezioni.pausa.attesa:PT15S}") Duration attesaSegmenti) {
        this.processori = processori;
        this.disponibilita = disponibilita;
        this.jdbc = jdbc;
        this.inBlocco = inBlocco;
        this.proiezioni = proiezioni;
        this.tokenStore = tokenStore;
        this.transazione = new TransactionTemplate(transazioni);
        this.token = token;
        this.sorveglianza = sorveglianza;
        this.pause = pause;
        this.attesaSegmenti = attesaSegmenti;
    }

    /** How a rebuild runs: the fast path, or the processors event by event (its fallback). */
    public enum Modo { IN_BLOCCO, PROCESSORI }

    public Avanzamento avvia(String proiezione) {
        return avvia(List.of(proiezione), Modo.IN_BLOCCO).get(0);
    }

    public List<Avanzamento> avvia(List<String> nomi) {
        return avvia(nomi, Modo.IN_BLOCCO);
    }

    /**
     * Rebuilds the given projections together (one read of the store for all of them): each one's
     * processor is stopped and its tokens reset to the tail, which empties its tables through its
     * @ResetHandler; from then on a crash at any point leaves a processor that replays everything.
     * The fast path ({@link RicostruzioneInBlocco}) then writes the rows and moves the tokens to the
     * head it read; if it fails, the processors rebuild the projections event by event instead.
     * First this process takes every segment of their processors: the other processes are asked to
     * release theirs ({@link Pause}); if they have not within {@code peg.proiezioni.pausa.attesa}, or
     * another process is rebuilding one of them, nothing changes and {@link RicostruzioneRifiutata} says
     * which processes hold them.
     */
    public synchronized List<Avanzamento> avvia(List<String> nomi, Modo modo) {
        nomi.forEach(this::processore);
        List<String> nuove = nomi.stream().distinct().filter(p -> !disponibilita.inRicostruzione(p)).toList();
        if (!nuove.isEmpty()) {
            prendiSegmenti(nuove);
            long testa = testa();
            AtomicLong letti = new AtomicLong();
            List<String> azzerate = new ArrayList<>();
            try {
                for (String p : nuove) {
                    disponibilita.inizia(p);
                    corse.put(p, new Corsa(Instant.now(), System.nanoTime(), testa, letti, null, 0));
                    log.info("Ricostruzione della proiezione {} fino alla posizione {}", p, testa);
                    azzera(p);
                    azzerate.add(p);
                }
            } catch (RuntimeException e) {
                // never left stopped and answering 503: what was reset is rebuilt by its processor, the rest runs as before
                for (String p : nuove) {
                    if (azzerate.contains(p)) {
                        perProcessori(p);
                    } else {
                        corse.remove(p);
                        disponibilita.termina(p);
                        pause.rilascia(p);
                        processore(p).start();
                    }
                }
                throw e;
            }
            if (modo == Modo.IN_BLOCCO) {
                Thread esecutore = new Thread(() -> esegui(nuove, letti), "ricostruzione-" + String.join("-", nuove));
                esecutore.setDaemon(true);
                esecutore.start();
            } else {
                nuove.forEach(this::perProcessori);
            }
        }
        return nomi.stream().map(this::avanzamento).toList();
    }

    /**
     * Claims every segment of the processors of {@code proiezioni} for this process, their processors
     * here stopped: after the other processes have released theirs. On failure the pauses are withdrawn
     * and the processors that ran here run again.
     */
    private void prendiSegmenti(List<String> proiezioni) {
        pause.chiedi(proiezioni);
        List<String> attivi = proiezioni.stream().filter(p -> processore(p).isRunning()).toList();
        try {
            proiezioni.forEach(p -> processore(p).shutDown());
            long limite = System.nanoTime() + attesaSegmenti.toNanos();
            while (true) {
                try {
                    // fetchToken claims the segment: in one transaction, all of them or none. A process stopped in the
                    // middle of its own claim (frozen, swapping) holds the token row's lock: waiting the server's lock
                    // timeout (50 s by default) would outlast the request, so this transaction waits one second at a time
                    transazione.executeWithoutResult(s -> {
                        jdbc.execute("SET SESSION innodb_lock_wait_timeout = " + ATTESA_LOCK_SECONDI);
                        try {
                            proiezioni.forEach(p -> {
                                for (int segmento : tokenStore.fetchSegments(p)) {
                                    tokenStore.fetchToken(p, segmento);
                                }
                            });
                        } finally {
                            jdbc.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
                        }
                    });
                    return;
                } catch (UnableToClaimTokenException | jakarta.persistence.LockTimeoutException
                         | jakarta.persistence.PessimisticLockException | org.springframework.dao.PessimisticLockingFailureException e) {
                    if (System.nanoTime() > limite) {
                        List<String> processi = proprietari(proiezioni);
                        throw new RicostruzioneRifiutata("La proiezione '" + String.join("', '", proiezioni) + "' è elaborata anche dal processo "
                                + (processi.isEmpty() ? "di un altro nodo" : String.join(", ", processi)) + ", che non ha rilasciato i suoi"
                                + " segmenti entro " + attesaSegmenti.toSeconds() + " s: ricostruzione non avviata, nulla è cambiato."
                                + " Riprovare, o fermare quel processo", proiezioni, processi);
                    }
                    Thread.sleep(100);
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            proiezioni.forEach(pause::rilascia);
            attivi.forEach(p -> processore(p).start());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Ricostruzione interrotta", e);
            }
            throw (RuntimeException) e;
        }
    }

    /** The other processes that hold segments of these projections' processors now. */
    private List<String> proprietari(List<String> proiezioni) {
        return proiezioni.stream()
                .flatMap(p -> token.altriProprietari(p, Battiti.NODO).stream())
                .distinct().sorted().toList();
    }

    private void azzera(String proiezione) {
        StreamingEventProcessor processore = processore(proiezione);
        processore.shutDown();
        processore.resetTokens(sorgente -> sorgente.createTailToken());
    }

    private void esegui(List<String> nomi, AtomicLong letti) {
        try {
            TrackingToken token = inBlocco.esegui(proiezioni.stream().filter(p -> nomi.contains(p.gruppo())).toList(), letti);
            transazione.executeWithoutResult(s -> nomi.forEach(p -> {
                for (int segmento : tokenStore.fetchSegments(p)) {
                    tokenStore.storeToken(token, p, segmento);
                    tokenStore.releaseClaim(p, segmento);
                }
            }));
            for (String p : nomi) {
                processore(p).start();
                termina(p);
            }
        } catch (Exception | Error e) {
            // an Error too: the processors stopped above must start again, whatever stopped the fast path
            log.warn("Ricostruzione in blocco di {} non riuscita ({}): i processori ricostruiscono evento per evento", nomi, e.toString(), e);
            for (String p : nomi) {
                azzera(p);
                perProcessori(p);
            }
        }
    }

    /** The slow path: the processor, reset to the tail, replays every event; a watcher sees it end. */
    private void perProcessori(String proiezione) {
        Corsa corsa = corse.get(proiezione);
        corse.put(proiezione, new Corsa(corsa.iniziata(), corsa.inizioNanos(), corsa.testa(), null, null, 0));
        processore(proiezione).start();
        Thread sorvegliante = new Thread(() -> sorveglia(proiezione), "ricostruzione-" + proiezione);
        sorvegliante.setDaemon(true);
        sorvegliante.start();
    }

    public List<Avanzamento> tutte() {
        return Proiezioni.TUTTE.stream().map(this::avanzamento).toList();
    }

    /**
     * Where {@code proiezione} stands ({@link Avanzamento}), with its last rebuild's progress if this process
     * ran one; {@link NonTrovato} (404) for a projection that does not exist or whose processor is not here.
     */
    public Avanzamento avanzamento(String proiezione) {
        processore(proiezione);
        // the shared token store, not this process's processor: a segment released after an error (Axon
        // retries it later) or held by another node would otherwise be missing, and the others at the head
        Long piuLento = token.posizione(proiezione);
        long posizione = piuLento == null ? 0 : Math.max(piuLento, 0);
        long testa = testa();
        List<StatoSegmento> segmenti = sorveglianza.stati(proiezione, true);
        long ritardo = Math.max(0, testa - posizione);
        long fermo = StatoSegmento.stalloPiuLungo(segmenti);
        long letterMorte = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, proiezione);
        Corsa corsa = corse.get(proiezione);
        if (corsa == null) {
            return new Avanzamento(proiezione, false, null, null, posizione, testa, posizione, testa, 0, letterMorte, null,
                    ritardo, fermo, segmenti);
        }
        boolean inCorso = corsa.terminata() == null;
        long fatti = !inCorso ? corsa.testa()
                : corsa.letti() != null ? corsa.letti().get() : Math.min(posizione, corsa.testa());
        long nanos = inCorso ? System.nanoTime() - corsa.inizioNanos() : corsa.durataNanos();
        double alSecondo = nanos == 0 ? 0 : fatti / (nanos / 1e9);
        return new Avanzamento(proiezione, inCorso, corsa.iniziata(), corsa.terminata(), posizione, testa, fatti,
                corsa.testa(), Math.round(alSecondo * 10) / 10.0, letterMorte,
                corsa.letti() != null ? Modo.IN_BLOCCO : Modo.PROCESSORI, ritardo, fermo, segmenti);
    }

    /** Blocks until the rebuild of {@code proiezione} is over, or the timeout passes. */
    public boolean attendi(String proiezione, Duration timeout) throws InterruptedException {
        long limite = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < limite) {
            if (!disponibilita.inRicostruzione(proiezione)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void sorveglia(String proiezione) {
        StreamingEventProcessor processore = processore(proiezione);
        Corsa corsa = corse.get(proiezione);
        try {
            while (true) {
                Map<Integer, EventTrackerStatus> stato = processore.processingStatus();
                boolean tutti = !stato.isEmpty() && stato.values().stream()
                        .allMatch(s -> s.getCurrentPosition().orElse(-1) >= corsa.testa());
                if (tutti || corsa.testa() == 0 && !stato.isEmpty()) {
                    break;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        termina(proiezione);
    }

    private void termina(String proiezione) {
        Corsa corsa = corse.get(proiezione);
        long durata = System.nanoTime() - corsa.inizioNanos();
        corse.put(proiezione, new Corsa(corsa.iniziata(), corsa.inizioNanos(), corsa.testa(), corsa.letti(), Instant.now(), durata));
        disponibilita.termina(proiezione);
        pause.rilascia(proiezione);
        log.info("Proiezione {} ricostruita: {} eventi in {} ms", proiezione, corsa.testa(), durata / 1_000_000);
    }

    private StreamingEventProcessor processore(String proiezione) {
        if (!Proiezioni.TUTTE.contains(proiezione)) {
            throw new NonTrovato("Proiezione sconosciuta: " + proiezione + " (disponibili: " + Proiezioni.TUTTE + ")");
        }
        return processori.eventProcessor(proiezione, StreamingEventProcessor.class)
                .orElseThrow(() -> new NonTrovato("Il processore della proiezione " + proiezione + " non è attivo"));
    }

    private long testa() {
        return Math.max(token.testa(), 0);
    }
}
