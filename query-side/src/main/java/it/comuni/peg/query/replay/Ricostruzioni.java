package it.comuni.peg.query.replay;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.platform.processori.SorveglianzaSegmenti;
import it.comuni.peg.platform.processori.StatoSegmento;
import it.comuni.peg.platform.processori.TokenCondivisi;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.InBlocco;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * A reset must stop the processor on every node: run it where the query side runs alone.
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
    private final Map<String, Corsa> corse = new ConcurrentHashMap<>();

    /** One rebuild of a projection; {@code letti} counts the events the fast path has read. */
    private record Corsa(Instant iniziata, long inizioNanos, long testa, AtomicLong letti, Instant terminata, long durataNanos) {
    }

    public Ricostruzioni(EventProcessingConfiguration processori, Disponibilita disponibilita, JdbcTemplate jdbc,
                         RicostruzioneInBlocco inBlocco, List<InBlocco> proiezioni, TokenStore tokenStore,
                         PlatformTransactionManager transazioni, TokenCondivisi token, SorveglianzaSegmenti sorveglianza) {
        this.processori = processori;
        this.disponibilita = disponibilita;
        this.jdbc = jdbc;
        this.inBlocco = inBlocco;
        this.proiezioni = proiezioni;
        this.tokenStore = tokenStore;
        this.transazione = new TransactionTemplate(transazioni);
        this.token = token;
        this.sorveglianza = sorveglianza;
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
     */
    public synchronized List<Avanzamento> avvia(List<String> nomi, Modo modo) {
        nomi.forEach(this::processore);
        List<String> nuove = nomi.stream().distinct().filter(p -> !disponibilita.inRicostruzione(p)).toList();
        if (!nuove.isEmpty()) {
            long testa = testa();
            AtomicLong letti = new AtomicLong();
            for (String p : nuove) {
                disponibilita.inizia(p);
                corse.put(p, new Corsa(Instant.now(), System.nanoTime(), testa, letti, null, 0));
                log.info("Ricostruzione della proiezione {} fino alla posizione {}", p, testa);
                azzera(p);
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
