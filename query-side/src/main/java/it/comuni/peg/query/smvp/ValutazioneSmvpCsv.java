package it.comuni.peg.query.smvp;

import it.comuni.peg.api.csv.Csv;
import it.comuni.peg.api.csv.FormatoPegCsv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The objectives of a PEG scored under the SMVP, one CSV row each (separator {@code ;}, numbers with
 * decimal comma and 2 decimals, dates dd/mm/yyyy): settore, ufficio, titolo, the date, the score that
 * counts, the score the method computed, whether the nucleo forced it (sì/no), the nucleo's motivazione
 * and the state of the score ({@link Esito.Stato}). A forced achievement shows both scores side by side.
 */
final class ValutazioneSmvpCsv {

    static final List<String> COLONNE = List.of("settore", "ufficio", "titolo", "al", "punteggio", "punteggio_calcolato",
            "forzato", "motivazione", "stato");

    private ValutazioneSmvpCsv() {
    }

    static List<String> obiettivi(ValutazioneSmvp v) {
        List<String> righe = new ArrayList<>();
        righe.add(Csv.riga(COLONNE));
        for (Valutazione.Obiettivo o : v.esito().obiettivi()) {
            Esito e = o.esito();
            righe.add(Csv.riga(List.of(nn(o.settore()), nn(o.ufficio()), nn(o.titolo()), FormatoPegCsv.data(v.esito().al()),
                    n(e.punti()), n(e.calcolato()), e.stato() == Esito.Stato.FORZATO ? "sì" : "no", nn(e.motivazione()),
                    e.stato().name())));
        }
        return righe;
    }

    private static String n(BigDecimal valore) {
        return valore == null ? "" : FormatoPegCsv.numero(valore.setScale(2, RoundingMode.HALF_UP));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
