package it.comuni.peg.query.replay;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a projection from the event store: stop its processor, reset its tokens to the tail
 * (the @ResetHandler empties its tables in the same step), start it again. The projection answers
 * 503 until every segment has passed the head of the store as it was when the rebuild began:
 * Axon's isReplaying() stays true at the head until a newer event arrives, so it cannot say so.
 * A reset must stop the processor on every node: run it where the query side runs alone.
 */
@Service
public class Ricostruzioni {

    private static final Logger log = LoggerFactory.getLogger(Ricostruzioni.class);

    private final EventProcessingConfiguration processori;
    private final Disponibilita disponibilita;
    private final JdbcTemplate jdbc;
    private final Map<String, Corsa> corse = new ConcurrentHashMap<>();

    private record Corsa(Instant iniziata, long inizioNanos, long testa, Instant terminata, long durataNanos) {
    }

    public Ricostruzioni(EventProcessingConfiguration processori, Disponibilita disponibilita, JdbcTemplate jdbc) {
        this.processori = processori;
        this.disponibilita = disponibilita;
        this.jdbc = jdbc;
    }

    public synchronized Avanzamento avvia(String proiezione) {
        StreamingEventProcessor processore = processore(proiezione);
        if (disponibilita.inRicostruzione(proiezione)) {
            return avanzamento(proiezione);
        }
        long testa = testa();
        disponibilita.inizia(proiezione);
        corse.put(proiezione, new Corsa(Instant.now(), System.nanoTime(), testa, null, 0));
        log.info("Ricostruzione della proiezione {} fino alla posizione {}", proiezione, testa);
        processore.shutDown();
        processore.resetTokens(sorgente -> sorgente.createTailToken());
        processore.start();
        Thread sorvegliante = new Thread(() -> sorveglia(proiezione), "ricostruzione-" + proiezione);
        sorvegliante.setDaemon(true);
        sorvegliante.start();
        return avanzamento(proiezione);
    }

    public List<Avanzamento> tutte() {
        return Proiezioni.TUTTE.stream().map(this::avanzamento).toList();
    }

    public Avanzamento avanzamento(String proiezione) {
        StreamingEventProcessor processore = processore(proiezione);
        long posizione = posizione(processore);
        long letterMorte = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, proiezione);
        Corsa corsa = corse.get(proiezione);
        if (corsa == null) {
            long testa = testa();
            return new Avanzamento(proiezione, false, null, null, posizione, testa, posizione, testa, 0, letterMorte);
        }
        boolean inCorso = corsa.terminata() == null;
        long fatti = Math.min(Math.max(posizione, 0), corsa.testa());
        long nanos = inCorso ? System.nanoTime() - corsa.inizioNanos() : corsa.durataNanos();
        double alSecondo = nanos == 0 ? 0 : fatti / (nanos / 1e9);
        return new Avanzamento(proiezione, inCorso, corsa.iniziata(), corsa.terminata(), posizione, testa(), fatti,
                corsa.testa(), Math.round(alSecondo * 10) / 10.0, letterMorte);
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
        long durata = System.nanoTime() - corsa.inizioNanos();
        corse.put(proiezione, new Corsa(corsa.iniziata(), corsa.inizioNanos(), corsa.testa(), Instant.now(), durata));
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

    private static long posizione(StreamingEventProcessor processore) {
        return processore.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(0))
                .min().orElse(0);
    }

    private long testa() {
        Long testa = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return testa == null ? 0 : testa;
    }
}
