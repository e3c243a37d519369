package it.comuni.peg.command.importazione.stampa;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a print holds: the settori and uffici (index and body together, codes as the index spells
 * them), the settore each ufficio belongs to (by code: the one the index first lists it under, else the
 * one the body prints it under), the objectives in print order, and the findings about its quality.
 */
public record StampaPeg(List<Struttura> settori, List<Struttura> uffici, Map<String, String> settoreDegliUffici,
                        List<ObiettivoStampato> obiettivi, List<Avviso> avvisi) {

    public int numeroFasi() {
        return obiettivi.stream().mapToInt(o -> o.fasi().size()).sum();
    }

    public int numeroAssegnazioni() {
        return obiettivi.stream().mapToInt(o -> o.persone().size()).sum();
    }

    /** People are told apart by name only: the print has no other identity for them. */
    public int numeroPersone() {
        return (int) obiettivi.stream().flatMap(o -> o.persone().stream())
                .map(p -> p.nome().toUpperCase(Locale.ITALIAN))
                .distinct().count();
    }

    /** The same ufficio code under two settori is one ufficio. */
    public int numeroUffici() {
        return (int) uffici.stream().map(Struttura::codice).filter(Objects::nonNull).distinct().count();
    }

    public int numeroSettori() {
        return (int) settori.stream().map(Struttura::codice).distinct().count();
    }
}
