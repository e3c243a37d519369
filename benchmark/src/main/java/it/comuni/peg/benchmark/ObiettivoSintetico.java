package it.comuni.peg.benchmark;

import it.comuni.peg.api.fase.Pianificazione;

import java.util.Random;

/**
 * One objective of the synthetic store, with just the state the generator needs to keep every rule
 * of the aggregate (cumulative progress, nothing after completion) and the commands need to target it.
 */
final class ObiettivoSintetico {

    final String id;
    final int comune;
    final int settore;
    /** The dirigente's name, as the objective's settore prints it. */
    final String dirigente;
    /** The dirigente's identificativo in the ente's organigramma: the persona holding the settore's incarico. */
    final String identificativoDirigente;
    /** The dirigente's user name: the token's {@code preferred_username}, with an accesso DIRIGENTE in the ente. */
    final String utenteDirigente;
    final int fasi;
    final int indicatori;
    final int persone;
    final boolean rimodulato;
    final Pianificazione[] piani;
    /** Month (1..12) in which each phase is completed, 0 if never (the last phase stays open). */
    final int[] completataNelMese;
    final boolean ritardatario;
    long prossimaSequenza;

    ObiettivoSintetico(String id, int comune, int settore, int fasi, int indicatori, int persone, boolean rimodulato,
                       boolean ritardatario, Pianificazione[] piani, int[] completataNelMese) {
        this.id = id;
        this.comune = comune;
        this.settore = settore;
        this.dirigente = StoreSintetico.nomeDirigente(comune, settore);
        this.identificativoDirigente = StoreSintetico.identificativoDirigente(comune, settore);
        this.utenteDirigente = StoreSintetico.utenteDirigente(comune, settore);
        this.fasi = fasi;
        this.indicatori = indicatori;
        this.persone = persone;
        this.rimodulato = rimodulato;
        this.ritardatario = ritardatario;
        this.piani = piani;
        this.completataNelMese = completataNelMese;
    }

    /** The phase the command load records consuntivi on: never completed, so it always accepts one. */
    int faseAperta() {
        return fasi;
    }

    static Random caso(long seme, long n) {
        return new Random(seme * 1_000_003L + n);
    }
}
