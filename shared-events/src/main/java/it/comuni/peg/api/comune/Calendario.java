package it.comuni.peg.api.comune;

import java.time.LocalDate;

/**
 * The days a command may name: from 01/01/1900 to 31/12/2199, the administrative life of an ente as
 * the PEG records it (an incarico conferred decades ago, a phase planned past the year). Outside it a
 * day is a typing slip or a fuzzer's value, not a plan: {@code -5877641-06-22} parses as a
 * {@link LocalDate}, but no projection's DATE column (MariaDB: years 1000 to 9999) can hold it, and an
 * event that recorded it would stop the projections of its aggregate. Checked where a command is
 * handled, not where a value type is built, so that events already stored keep deserializing.
 */
public final class Calendario {

    public static final LocalDate PRIMO_GIORNO = LocalDate.of(1900, 1, 1);
    public static final LocalDate ULTIMO_GIORNO = LocalDate.of(2199, 12, 31);

    private Calendario() {
    }

    /**
     * {@code giorno} itself, when absent or within {@link #PRIMO_GIORNO}..{@link #ULTIMO_GIORNO}.
     *
     * @throws ValoreNonValido naming {@code campo}, with the day written dd/mm/yyyy
     */
    public static LocalDate plausibile(LocalDate giorno, String campo) {
        if (giorno != null && (giorno.isBefore(PRIMO_GIORNO) || giorno.isAfter(ULTIMO_GIORNO))) {
            throw new ValoreNonValido(campo, "La data del campo '" + campo + "' (" + FormaItaliana.data(giorno)
                    + ") è fuori dall'intervallo ammesso, dal " + FormaItaliana.data(PRIMO_GIORNO) + " al "
                    + FormaItaliana.data(ULTIMO_GIORNO));
        }
        return giorno;
    }
}
