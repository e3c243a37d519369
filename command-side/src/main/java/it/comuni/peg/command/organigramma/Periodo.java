package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.comune.Calendario;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.ValoreNonValido;

import java.time.LocalDate;

/**
 * The days from {@code dal} to {@code al}, both included; {@code al} {@code null} is open-ended (an
 * incarico "until further notice", a struttura not yet closed). Written for people as Italian dates.
 */
record Periodo(LocalDate dal, LocalDate al) {

    /**
     * @throws ValoreNonValido naming {@code campoDal} when absent, {@code campoAl} when before {@code dal}
     */
    static Periodo di(LocalDate dal, LocalDate al, String campoDal, String campoAl) {
        if (dal == null) {
            throw new ValoreNonValido(campoDal, "Il campo '" + campoDal + "' è obbligatorio");
        }
        Calendario.plausibile(dal, campoDal);
        Calendario.plausibile(al, campoAl);
        if (al != null && al.isBefore(dal)) {
            throw new ValoreNonValido(campoAl, "La data '" + campoAl + "' (" + data(al) + ") precede quella di inizio ("
                    + data(dal) + ")");
        }
        return new Periodo(dal, al);
    }

    boolean contiene(LocalDate giorno) {
        return !giorno.isBefore(dal) && (al == null || !giorno.isAfter(al));
    }

    /** Some day in both. */
    boolean siSovrapponeA(Periodo altro) {
        return (al == null || !altro.dal.isAfter(al)) && (altro.al == null || !dal.isAfter(altro.al));
    }

    /** Every day of {@code altro} is in this one. */
    boolean comprende(Periodo altro) {
        return !altro.dal.isBefore(dal) && (al == null || altro.al != null && !altro.al.isAfter(al));
    }

    /** "dal 01/01/2024 al 30/06/2024", or "dal 01/01/2024 senza termine". */
    @Override
    public String toString() {
        return "dal " + data(dal) + (al == null ? " senza termine" : " al " + data(al));
    }

    static String data(LocalDate giorno) {
        return FormaItaliana.data(giorno);
    }
}
