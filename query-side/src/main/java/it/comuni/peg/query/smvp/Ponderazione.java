package it.comuni.peg.query.smvp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static it.comuni.peg.query.smvp.Calcolo.n;

/**
 * The one weighted mean of the engine (phases, indicators, the two shares of an objective, objectives
 * in a settore, an ufficio, the ente, a person's objectives): Σ peso × punti / Σ peso over the items
 * that count, rounded once. An item left out (non valutabile, without value, not computable) takes no
 * part, and the others keep their weights: their effective weights are their share of what remains, so
 * the ratio between any two of them does not change.
 */
final class Ponderazione {

    /**
     * An item: its weight as given and its score, or null with the reason it does not count; {@code esclusa} is
     * the reason used should the item be left out (the mean drops it when the item counts).
     */
    record Voce(String nome, BigDecimal peso, BigDecimal punti, String esclusa) {
    }

    /** The mean (null when nothing counts or what counts weighs 0) and its items. */
    record Media(BigDecimal risultato, List<Quota> quote) {
    }

    private Ponderazione() {
    }

    static Media media(String cosa, List<Voce> voci, List<String> passi) {
        List<Voce> contano = voci.stream().filter(v -> v.punti() != null).toList();
        BigDecimal totale = contano.stream().map(Voce::peso).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Quota> quote = new ArrayList<>();
        for (Voce v : voci) {
            BigDecimal effettivo = v.punti() == null || totale.signum() == 0 ? null : Calcolo.dividi(v.peso(), totale);
            // a reason of exclusion only on an item that is left out: one that counts carries none
            quote.add(new Quota(v.nome(), v.peso(), effettivo, v.punti(), v.punti() == null ? v.esclusa() : null));
            passi.add(v.nome() + ": " + (v.punti() == null ? "esclusa (" + v.esclusa() + ")"
                    : "peso " + n(v.peso()) + (effettivo == null ? "" : " (effettivo " + Calcolo.percento(effettivo) + ")")
                    + ", punti " + n(v.punti())));
        }
        if (contano.isEmpty()) {
            passi.add(cosa + ": nessuna voce valutabile, non calcolabile");
            return new Media(null, quote);
        }
        if (totale.signum() == 0) {
            passi.add(cosa + ": le voci valutabili pesano 0 in tutto, non calcolabile");
            return new Media(null, quote);
        }
        if (contano.size() < voci.size()) {
            passi.add(cosa + ": pesi rinormalizzati sulle voci valutabili (pesano " + n(totale) + " in tutto)");
        }
        BigDecimal somma = contano.stream().map(v -> v.peso().multiply(v.punti())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal risultato = Calcolo.punti(Calcolo.dividi(somma, totale));
        passi.add(cosa + ": media pesata (" + contano.stream().map(v -> n(v.peso()) + " × " + n(v.punti()))
                .collect(Collectors.joining(" + ")) + ") / " + n(totale) + " = " + n(risultato));
        return new Media(risultato, quote);
    }
}
