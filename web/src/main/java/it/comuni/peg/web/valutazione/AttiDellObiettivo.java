package it.comuni.peg.web.valutazione;

import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.comune.Formato;

import java.util.ArrayList;
import java.util.List;

/**
 * The atti a dirigente cited for an objective (with a consuntivo, or completing a phase), for the
 * explanation of its score: each with where it was cited and a link, to the atto itself when it was
 * given as a web address, else to the month of the scheda that cites it.
 */
final class AttiDellObiettivo {

    /**
     * @param dove      "Fase 1, aprile 2023" or "Fase 2, completamento"
     * @param collegamento an http(s) address given as the atto, or the scheda's anchor ("#consuntivi")
     * @param esterno   whether {@code collegamento} is the atto's own address
     */
    record Atto(String dove, String atto, String collegamento, boolean esterno) {
    }

    private static final Formato FORMATO = new Formato();

    private AttiDellObiettivo() {
    }

    static List<Atto> di(Scheda s) {
        List<Atto> atti = new ArrayList<>();
        for (Scheda.Fase f : s.fasi()) {
            for (Scheda.Consuntivo c : f.consuntivi()) {
                if (c.atto() != null && !c.atto().isBlank()) {
                    atti.add(atto("Fase " + f.numero() + ", " + FORMATO.mese(c.mese()), c.atto(), s.id()));
                }
            }
            if (f.attoCompletamento() != null && !f.attoCompletamento().isBlank()) {
                atti.add(atto("Fase " + f.numero() + ", completamento del " + FORMATO.data(f.completataIl()), f.attoCompletamento(), s.id()));
            }
        }
        return atti;
    }

    private static Atto atto(String dove, String atto, String obiettivo) {
        String testo = atto.strip();
        boolean indirizzo = testo.startsWith("https://") || testo.startsWith("http://");
        return new Atto(dove, testo, indirizzo ? testo : "/obiettivi/" + obiettivo + "#consuntivi", indirizzo);
    }
}
