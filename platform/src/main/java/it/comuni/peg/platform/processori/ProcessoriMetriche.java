package it.comuni.peg.platform.processori;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Gauges per processor that stay true when a processor stalls: Axon's own latency gauge freezes
 * when no message arrives, while these read the token store and the head of the event store at
 * every scrape. Lag and stall are the slowest segment's, wherever it is held: every node reports the
 * same. Registered once the processors exist.
 */
@Component
public class ProcessoriMetriche {

    private final Processori processori;
    private final SorveglianzaSegmenti sorveglianza;
    private final MeterRegistry registry;

    public ProcessoriMetriche(Processori processori, SorveglianzaSegmenti sorveglianza, MeterRegistry registry) {
        this.processori = processori;
        this.sorveglianza = sorveglianza;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registra() {
        for (String nome : processori.nomi()) {
            gauge("peg_event_processor_running", nome, "1 if the processor runs in this process",
                    n -> processori.processore(n).isRunning() ? 1 : 0);
            gauge("peg_event_processor_segments_claimed", nome, "Segments this process holds",
                    n -> processori.processore(n) instanceof StreamingEventProcessor s && s.isRunning() ? s.processingStatus().size() : 0);
            gauge("peg_event_processor_lag_events", nome, "Head of the event store minus the slowest segment's position",
                    n -> {
                        if (!(processori.processore(n) instanceof StreamingEventProcessor)) {
                            // subscribing: handles each event as it is published, never behind (and has no token)
                            return 0;
                        }
                        Long posizione = processori.posizione(n);
                        return posizione == null ? processori.testa() + 1 : Math.max(0, processori.testa() - posizione);
                    });
            gauge("peg_event_processor_stalled_seconds", nome,
                    "Seconds the most stalled segment has stood at its position while events waited beyond it; 0 when every segment moves or is idle",
                    n -> StatoSegmento.stalloPiuLungo(sorveglianza.stati(n, false)));
            gauge("peg_dead_letters", nome, "Events parked in the processor's dead-letter queue",
                    processori::deadLetters);
        }
    }

    private void gauge(String metrica, String nome, String descrizione, ToDoubleFunction<String> valore) {
        Gauge.builder(metrica, nome, valore).tag("processor", nome).description(descrizione).register(registry);
    }
}
