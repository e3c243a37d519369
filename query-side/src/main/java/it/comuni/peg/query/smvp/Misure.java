package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.IndicatoreMetodo;
import it.comuni.peg.api.smvp.TipoIndicatore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static it.comuni.peg.query.smvp.Calcolo.g;
import static it.comuni.peg.query.smvp.Calcolo.n;

/**
 * The value of an indicator at a date, from its values per measurement period: only periods closed by
 * the date count (a period still open has no final value yet), combined as the indicator's
 * {@link IndicatoreMetodo.Cumulo} says.
 */
final class Misure {

    private Misure() {
    }

    /** The measured value (a Numero for numeric types, a Data or SiNo otherwise), or null when none counts. */
    static Valore al(IndicatoreMetodo ind, List<DatiValutazione.Rilevazione> rilevazioni, LocalDate al, List<String> passi) {
        List<DatiValutazione.Rilevazione> chiuse = new ArrayList<>();
        for (DatiValutazione.Rilevazione r : rilevazioni) {
            if (r.periodo().fine().isAfter(al)) {
                passi.add("valore " + r.periodo().dellEtichetta() + " non considerato: il periodo si chiude il "
                        + g(r.periodo().fine()) + ", dopo il " + g(al));
            } else {
                chiuse.add(r);
            }
        }
        chiuse.sort(Comparator.comparingInt(r -> r.periodo().numero()));
        if (chiuse.isEmpty()) {
            return null;
        }
        if (!ind.tipo().numerico() || ind.cumuloOPredefinito() == IndicatoreMetodo.Cumulo.ULTIMO) {
            DatiValutazione.Rilevazione ultima = chiuse.get(chiuse.size() - 1);
            return singola(ultima, passi);
        }
        String periodi = chiuse.stream().map(r -> r.periodo().etichetta()).collect(Collectors.joining(", "));
        if (ind.tipo() == TipoIndicatore.RAPPORTO) {
            List<Valore.Rapporto> rapporti = chiuse.stream().map(r -> (Valore.Rapporto) r.valore()).toList();
            if (ind.cumuloOPredefinito() == IndicatoreMetodo.Cumulo.SOMMA) {
                BigDecimal num = rapporti.stream().map(Valore.Rapporto::numeratore).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal den = rapporti.stream().map(Valore.Rapporto::denominatore).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal v = Calcolo.misura(Calcolo.dividi(num, den));
                passi.add("rapporto delle somme dei periodi chiusi (" + periodi + "): ("
                        + rapporti.stream().map(r -> n(r.numeratore())).collect(Collectors.joining(" + ")) + ") / ("
                        + rapporti.stream().map(r -> n(r.denominatore())).collect(Collectors.joining(" + ")) + ") = "
                        + n(num) + " / " + n(den) + " = " + n(v));
                return new Valore.Numero(v);
            }
            List<BigDecimal> quozienti = rapporti.stream().map(r -> Calcolo.misura(Calcolo.dividi(r.numeratore(), r.denominatore()))).toList();
            BigDecimal v = Calcolo.misura(Calcolo.dividi(quozienti.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                    BigDecimal.valueOf(quozienti.size())));
            passi.add("media dei rapporti dei periodi chiusi (" + periodi + "): ("
                    + rapporti.stream().map(r -> n(r.numeratore()) + "/" + n(r.denominatore())).collect(Collectors.joining(" + "))
                    + ") / " + quozienti.size() + " = (" + quozienti.stream().map(Calcolo::n).collect(Collectors.joining(" + "))
                    + ") / " + quozienti.size() + " = " + n(v));
            return new Valore.Numero(v);
        }
        List<BigDecimal> valori = chiuse.stream().map(r -> ((Valore.Numero) r.valore()).valore()).toList();
        BigDecimal somma = valori.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String addendi = valori.stream().map(Calcolo::n).collect(Collectors.joining(" + "));
        if (ind.cumuloOPredefinito() == IndicatoreMetodo.Cumulo.SOMMA) {
            passi.add("somma dei periodi chiusi (" + periodi + "): " + addendi + " = " + n(somma));
            return new Valore.Numero(somma);
        }
        BigDecimal media = Calcolo.misura(Calcolo.dividi(somma, BigDecimal.valueOf(valori.size())));
        passi.add("media dei periodi chiusi (" + periodi + "): (" + addendi + ") / " + valori.size() + " = " + n(media));
        return new Valore.Numero(media);
    }

    private static Valore singola(DatiValutazione.Rilevazione r, List<String> passi) {
        String quando = "valore " + r.periodo().dellEtichetta();
        if (r.valore() instanceof Valore.Rapporto v) {
            BigDecimal q = Calcolo.misura(Calcolo.dividi(v.numeratore(), v.denominatore()));
            passi.add(quando + ": " + n(v.numeratore()) + " / " + n(v.denominatore()) + " = " + n(q));
            return new Valore.Numero(q);
        }
        if (r.valore() instanceof Valore.Numero v) {
            passi.add(quando + ": " + n(v.valore()));
        } else if (r.valore() instanceof Valore.Data v) {
            passi.add(quando + ": data rilevata " + g(v.giorno()));
        } else if (r.valore() instanceof Valore.SiNo v) {
            passi.add(quando + ": " + (v.si() ? "sì" : "no"));
        }
        return r.valore();
    }
}
