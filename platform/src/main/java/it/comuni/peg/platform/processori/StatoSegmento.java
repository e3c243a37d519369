package it.comuni.peg.platform.processori;

import java.time.Instant;
import java.util.List;

/**
 * One segment of an event processor as every node sees it (token_entry and segmento_processore, shared):
 * <ul>
 * <li>{@code posizione}: the global index its token has passed (null for a token at the tail);
 * {@code testa}: the highest global index in the store; {@code ritardoEventi}: {@code testa - posizione}
 * (global indexes come one by one from the sequence, so a close count of events);</li>
 * <li>{@code nodo}: the node holding its claim, null when none does (stopped everywhere, released after
 * an error and waiting for Axon's back-off, its node gone and the claim expired);</li>
 * <li>{@code ultimoAvanzamento}: when its position was first seen where it is; {@code fermoDal}: since when
 * it has stood there with events beyond it (null when it has caught up); {@code fermoDaSecondi}: seconds
 * since then, 0 when nothing waits: an idle segment is never "stalled", a moving one starts again from 0
 * at each advance;</li>
 * <li>{@code bloccato}: stalled for at least {@code peg.processori.stallo-massimo}: readiness says DOWN;</li>
 * <li>{@code ultimoErrore}, {@code ultimoErroreIl}, {@code ultimoErroreNodo}: the last failure of a batch of
 * this segment (innermost cause), when and where, kept after the segment has moved on;</li>
 * <li>{@code primoInAttesa}: for a stalled segment, the first event beyond its position that belongs to it,
 * the one it cannot get past (null when it is not stalled, or none of the next events is its own);
 * {@code perche}: for a stalled segment, why, in ops' words.</li>
 * </ul>
 */
public record StatoSegmento(
        int segmento,
        Long posizione,
        long testa,
        long ritardoEventi,
        String nodo,
        Instant ultimoAvanzamento,
        Instant fermoDal,
        long fermoDaSecondi,
        boolean bloccato,
        String ultimoErrore,
        Instant ultimoErroreIl,
        String ultimoErroreNodo,
        EventoInAttesa primoInAttesa,
        String perche) {

    /** The longest stall among {@code segmenti}, in seconds: what a processor reports; 0 for none. */
    public static long stalloPiuLungo(List<StatoSegmento> segmenti) {
        return segmenti.stream().mapToLong(StatoSegmento::fermoDaSecondi).max().orElse(0);
    }

    /**
     * An event a stalled segment has not passed: its global index, the aggregate it belongs to (the
     * objective's id for an Obiettivo), the aggregate's type and the event's type (simple class name).
     */
    public record EventoInAttesa(long posizione, String aggregato, String tipoAggregato, String evento) {
    }
}
