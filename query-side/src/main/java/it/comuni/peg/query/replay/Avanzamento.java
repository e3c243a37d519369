package it.comuni.peg.query.replay;

import java.time.Instant;

/**
 * Where a projection stands. During a rebuild {@code fatti} counts the global positions passed
 * since it began, of {@code totale} (the head of the store when it began); global indexes come
 * one by one from the sequence, so positions are a close count of events. {@code modo} says how the
 * last rebuild ran: IN_BLOCCO (the fast path) or PROCESSORI (event by event, also the fast path's
 * fallback when it fails).
 */
public record Avanzamento(String proiezione, boolean inRicostruzione, Instant iniziata, Instant terminata,
                          long posizione, long testa, long fatti, long totale, double eventiAlSecondo,
                          long letterMorte, Ricostruzioni.Modo modo) {
}
