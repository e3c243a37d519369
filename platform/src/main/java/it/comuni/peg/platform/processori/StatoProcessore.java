package it.comuni.peg.platform.processori;

import java.util.List;

/**
 * What ops need to know of one event processor: is it running here, how many segments this node
 * holds, where the slowest segment is (from the shared token store, so it stays true when a
 * processor stalls or runs on another node), how far that is from the head of the event store,
 * how many events are parked in its dead-letter queue, for how many seconds its most stalled segment
 * has stood still while events waited ({@code fermoDaSecondi}, 0 when every segment moves or is idle),
 * each segment's own status ({@link StatoSegmento}: position, holder, stall, last error, and for a
 * stalled one the event it has not passed and why), and which processes run it (their node names,
 * {@code pid@host}, seen alive by their heartbeat: {@link Battiti}).
 */
public record StatoProcessore(
        String nome,
        boolean running,
        boolean errore,
        boolean replay,
        int segmentiRivendicati,
        int segmentiTotali,
        Long posizione,
        long testa,
        Long ritardoEventi,
        long deadLetters,
        long fermoDaSecondi,
        List<StatoSegmento> segmenti,
        List<String> nodiAttivi) {
}
