package it.comuni.peg.api.fase;

import it.comuni.peg.api.comune.ObiettivoId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** {@code mesiPrevisti} is always filled in: the explicit marks, or the months of the dates. */
public record FasePianificata(
        ObiettivoId obiettivoId,
        int numero,
        String titolo,
        String descrizione,
        LocalDate inizio,
        LocalDate fine,
        List<YearMonth> mesiPrevisti,
        boolean mesiPrevistiEspliciti) {
}
