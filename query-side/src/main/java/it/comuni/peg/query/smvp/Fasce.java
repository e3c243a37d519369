package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.Fascia;

import java.math.BigDecimal;
import java.util.List;

import static it.comuni.peg.query.smvp.Calcolo.n;

/**
 * Which band of a list a value falls in, and what it scores there ({@link Fascia}: from {@code da}
 * included to {@code a} excluded, the last band including its {@code a}; below the first band the
 * first, above the last the last, at their outer end).
 */
final class Fasce {

    private Fasce() {
    }

    static int indice(List<Fascia> fasce, BigDecimal x) {
        Fascia prima = fasce.get(0);
        Fascia ultima = fasce.get(fasce.size() - 1);
        if (prima.da() != null && x.compareTo(prima.da()) < 0) {
            return 0;
        }
        if (ultima.a() != null && x.compareTo(ultima.a()) > 0) {
            return fasce.size() - 1;
        }
        for (int i = 0; i < fasce.size(); i++) {
            Fascia f = fasce.get(i);
            boolean sopraDa = f.da() == null || x.compareTo(f.da()) >= 0;
            boolean sottoA = f.a() == null || x.compareTo(f.a()) < 0 || i == fasce.size() - 1;
            if (sopraDa && sottoA) {
                return i;
            }
        }
        return fasce.size() - 1;
    }

    /** The score of {@code x} (in {@code unita}: "punti", "giorni di ritardo"), with one step of explanation. */
    static BigDecimal valore(List<Fascia> fasce, BigDecimal x, String unita, List<String> passi) {
        Fascia f = fasce.get(indice(fasce, x));
        String fascia = "fascia " + descrivi(f);
        if (!f.interpolata()) {
            passi.add(n(x) + " " + unita + " cade nella " + fascia + ": " + n(f.valore()));
            return Calcolo.punti(f.valore());
        }
        BigDecimal dentro = x.max(f.da()).min(f.a());
        BigDecimal valore = Calcolo.punti(f.valoreDa().add(Calcolo.dividi(dentro.subtract(f.da()), f.a().subtract(f.da()))
                .multiply(f.valore().subtract(f.valoreDa()))));
        passi.add(n(x) + " " + unita + " cade nella " + fascia + ", proporzionale da " + n(f.valoreDa()) + " a "
                + n(f.valore()) + ": " + n(f.valoreDa()) + " + (" + n(dentro) + " − " + n(f.da()) + ") / (" + n(f.a())
                + " − " + n(f.da()) + ") × (" + n(f.valore()) + " − " + n(f.valoreDa()) + ") = " + n(valore));
        return valore;
    }

    static String descrivi(Fascia f) {
        if (f.da() == null && f.a() == null) {
            return "unica, su tutta la scala";
        }
        if (f.da() == null) {
            return "fino a " + n(f.a());
        }
        if (f.a() == null) {
            return "da " + n(f.da()) + " in su";
        }
        return "da " + n(f.da()) + " a " + n(f.a());
    }
}
