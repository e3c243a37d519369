package it.comuni.peg.platform.processori;

/**
 * What ops need to know of one event processor: is it running here, how many segments this node
 * holds, where the slowest segment is (from the shared token store, so it stays true when a
 * processor stalls or runs on another node), how far that is from the head of the event store,
 * how many events are parked in its dead-letter queue.
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
        long deadLetters) {
}
