package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.Mappatura;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static it.comuni.peg.query.smvp.Calcolo.n;

/** A {@link Mappatura} applied to a score, and the range of scores it can give. */
final class Mappature {

    private Mappature() {
    }

    static BigDecimal applica(Mappatura m, BigDecimal x, List<String> passi) {
        return switch (m.tipo()) {
            case COSI_COME -> {
                passi.add("risultato preso così com'è: " + n(x));
                yield Calcolo.punti(x);
            }
            case LIMITA -> {
                BigDecimal y = Calcolo.punti(x.max(m.minimo()).min(m.massimo()));
                passi.add(y.compareTo(x) == 0 ? "entro l'intervallo " + n(m.minimo()) + "–" + n(m.massimo()) + ": resta " + n(y)
                        : "limitato all'intervallo " + n(m.minimo()) + "–" + n(m.massimo()) + ": " + n(x) + " → " + n(y));
                yield y;
            }
            case TETTO -> {
                BigDecimal y = Calcolo.punti(x.min(m.massimo()));
                passi.add(y.compareTo(x) == 0 ? "entro il tetto di " + n(m.massimo()) + ": resta " + n(y)
                        : "oltre il tetto di " + n(m.massimo()) + ": " + n(x) + " → " + n(y));
                yield y;
            }
            case FASCE -> Fasce.valore(m.fasce(), x, "punti", passi);
        };
    }

    /** The lowest and highest score the mapping can give; a null end is open. */
    static BigDecimal[] intervallo(Mappatura m) {
        return switch (m.tipo()) {
            case COSI_COME -> new BigDecimal[]{null, null};
            case LIMITA -> new BigDecimal[]{m.minimo(), m.massimo()};
            case TETTO -> new BigDecimal[]{null, m.massimo()};
            case FASCE -> {
                List<BigDecimal> valori = m.fasce().stream()
                        .flatMap(f -> f.interpolata() ? Stream.of(f.valore(), f.valoreDa()) : Stream.of(f.valore())).toList();
                yield new BigDecimal[]{valori.stream().min(BigDecimal::compareTo).orElseThrow(),
                        valori.stream().max(BigDecimal::compareTo).orElseThrow()};
            }
        };
    }

    static boolean contiene(BigDecimal[] intervallo, BigDecimal x) {
        return (intervallo[0] == null || x.compareTo(intervallo[0]) >= 0) && (intervallo[1] == null || x.compareTo(intervallo[1]) <= 0);
    }

    static String descrivi(BigDecimal[] intervallo) {
        return (intervallo[0] == null ? "−∞" : n(intervallo[0])) + "–" + (intervallo[1] == null ? "+∞" : n(intervallo[1]));
    }
}
