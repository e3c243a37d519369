package it.comuni.peg.api.comune;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The check a command runs on its texts when it is built: every field against its {@link Limite},
 * every field beyond it named in one {@link ValoriNonValidi}. Absent values pass (whether a field is
 * required is the aggregate's business). Field names are the API body's JSON paths
 * ({@code settore.codice}), so a refusal points at what the client sent.
 */
public final class Lunghezze {

    private final List<ValoriNonValidi.Errore> errori = new ArrayList<>();

    /** {@code valore} (absent passes) within {@code limite}, counted in characters; beyond it, {@code campo} is named. */
    public Lunghezze testo(String campo, String valore, Limite limite) {
        if (valore != null && valore.length() > limite.massimo()) {
            int caratteri = Limite.caratteri(valore);
            if (caratteri > limite.massimo()) {
                errori.add(new ValoriNonValidi.Errore(campo, "Testo troppo lungo: al massimo " + limite.massimo()
                        + " caratteri (ricevuti " + caratteri + ")"));
            }
        }
        return this;
    }

    /** A number written out in full: at most {@link Limite#CIFRE_INTERE} digits before the point, {@link Limite#DECIMALI} after. */
    public Lunghezze numero(String campo, BigDecimal valore) {
        if (valore != null) {
            BigDecimal ridotto = valore.stripTrailingZeros();
            if (ridotto.precision() - ridotto.scale() > Limite.CIFRE_INTERE || ridotto.scale() > Limite.DECIMALI) {
                errori.add(new ValoriNonValidi.Errore(campo, "Numero fuori misura: al massimo " + Limite.CIFRE_INTERE
                        + " cifre intere e " + Limite.DECIMALI + " decimali"));
            }
        }
        return this;
    }

    /** A settore's code, name and responsabile, named {@code campo.codice}, {@code campo.nome}, {@code campo.responsabile}. */
    public Lunghezze settore(String campo, Settore settore) {
        return settore == null ? this : testo(campo + ".codice", settore.codice(), Limite.CODICE)
                .testo(campo + ".nome", settore.nome(), Limite.NOME_STRUTTURA)
                .testo(campo + ".responsabile", settore.responsabile(), Limite.PERSONA);
    }

    /** An ufficio's code, name and responsabile, as {@link #settore}. */
    public Lunghezze ufficio(String campo, Ufficio ufficio) {
        return ufficio == null ? this : testo(campo + ".codice", ufficio.codice(), Limite.CODICE)
                .testo(campo + ".nome", ufficio.nome(), Limite.NOME_STRUTTURA)
                .testo(campo + ".responsabile", ufficio.responsabile(), Limite.PERSONA);
    }

    /** A link to the DUP: {@code campo.codice} and {@code campo.titolo}. */
    public Lunghezze dup(String campo, RiferimentoDup dup) {
        return dup == null ? this : testo(campo + ".codice", dup.codice(), Limite.CODICE)
                .testo(campo + ".titolo", dup.titolo(), Limite.TITOLO_DUP);
    }

    /** A motivazione's text. */
    public Lunghezze motivazione(String campo, Motivazione motivazione) {
        return motivazione == null ? this : testo(campo, motivazione.testo(), Limite.MOTIVAZIONE);
    }

    /** Refuses the command with every field beyond its limit; does nothing when all fit. */
    public void verifica() {
        if (!errori.isEmpty()) {
            throw new ValoriNonValidi(errori);
        }
    }
}
