package it.comuni.peg.query.replay;

import it.comuni.peg.platform.processori.StatoSegmento;

import java.time.Instant;
import java.util.List;

/**
 * Where a projection stands. {@code posizione} is its slowest segment's, from the token store shared by
 * every node (a segment released after an error, or held by another node, counts too), {@code ritardoEventi}
 * how far that is behind {@code testa}, {@code fermoDaSecondi} how long its most stalled segment has stood
 * still while events waited (0 when all move or are idle), and {@code segmenti} each segment's status
 * ({@link StatoSegmento}: position, holder, stall, last error, and for a stalled one the objective it has
 * not passed and why). During a rebuild {@code fatti} counts the global positions passed
 * since it began, of {@code totale} (the head of the store when it began); global indexes come
 * one by one from the sequence, so positions are a close count of events. {@code modo} says how the
 * last rebuild ran: IN_BLOCCO (the fast path) or PROCESSORI (event by event, also the fast path's
 * fallback when it fails).
 */
public record Avanzamento(String proiezione, boolean inRicostruzione, Instant iniziata, Instant terminata,
                          long posizione, long testa, long fatti, long totale, double eventiAlSecondo,
                          long letterMorte, Ricostruzioni.Modo modo, long ritardoEventi, long fermoDaSecondi,
                          List<StatoSegmento> segmenti) {
}
