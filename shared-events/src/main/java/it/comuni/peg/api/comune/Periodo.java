package it.comuni.peg.api.comune;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A closed interval of days; both ends known, inizio never after fine. */
public record Periodo(LocalDate inizio, LocalDate fine) {

    public Periodo {
        if (inizio == null || fine == null) {
            throw new ValoreNonValido(inizio == null ? "inizio" : "fine", "Inizio e fine sono entrambi obbligatori");
        }
        if (inizio.isAfter(fine)) {
            throw new ValoreNonValido("fine", "La data di fine (" + FormaItaliana.data(fine) + ") precede quella di inizio (" + FormaItaliana.data(inizio) + ")");
        }
    }

    /** Null when both ends are absent (a phase of the print without dates); refused when only one is. */
    public static Periodo facoltativo(LocalDate inizio, LocalDate fine) {
        return inizio == null && fine == null ? null : new Periodo(inizio, fine);
    }

    public boolean siSovrapponeA(Periodo altro) {
        return !inizio.isAfter(altro.fine) && !altro.inizio.isAfter(fine);
    }

    public boolean contiene(LocalDate giorno) {
        return !giorno.isBefore(inizio) && !giorno.isAfter(fine);
    }

    /** The months the period touches: the planned row of the cronoprogramma when none is given. */
    public List<YearMonth> mesi() {
        List<YearMonth> mesi = new ArrayList<>();
        for (YearMonth m = YearMonth.from(inizio); !m.isAfter(YearMonth.from(fine)); m = m.plusMonths(1)) {
            mesi.add(m);
        }
        return mesi;
    }
}
