package it.comuni.peg.web.valutazione;

import it.comuni.peg.api.smvp.DifferenzeMetodo;
import it.comuni.peg.query.valutazione.CicloNoto;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed from each version of the ente's SMVP to the next, as GET
 * /api/valutazione/metodo-smvp/differenze computes it ({@link DifferenzeMetodo#tra}), for the nucleo's page.
 */
final class MetodoInVigore {

    /** From version {@code da} to version {@code a}: each part changed, with its value before and after. */
    record Passaggio(int da, int a, List<DifferenzeMetodo.Differenza> differenze) {
    }

    private MetodoInVigore() {
    }

    /** One passage per pair of consecutive versions, in the order recorded; empty with fewer than two. */
    static List<Passaggio> differenze(List<CicloNoto.VersioneSmvp> versioni) {
        List<Passaggio> passaggi = new ArrayList<>();
        for (int i = 1; i < versioni.size(); i++) {
            CicloNoto.VersioneSmvp prima = versioni.get(i - 1);
            CicloNoto.VersioneSmvp dopo = versioni.get(i);
            passaggi.add(new Passaggio(prima.versione(), dopo.versione(), DifferenzeMetodo.tra(prima.metodo(), dopo.metodo())));
        }
        return passaggi;
    }
}
