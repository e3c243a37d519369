package it.comuni.peg.api.consuntivo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The two clocks of a consuntivo: the month it describes and the instant it was recorded. Recording
 * it more than a tolerance of days after that month has ended is legal but visible as late. The one
 * rule behind the storico's "registrato in ritardo" and the metric peg_consuntivi_registrati.
 */
public final class Tempestivita {

    private static final ZoneId FUSO_ORARIO = ZoneId.of("Europe/Rome");

    private Tempestivita() {
    }

    /** Days between the end of the month and the day it was recorded; null when within the tolerance. */
    public static Integer giorniDiRitardo(YearMonth mese, Instant registratoIl, int giorniDiTolleranza) {
        LocalDate fineMese = mese.atEndOfMonth();
        LocalDate registrato = LocalDate.ofInstant(registratoIl, FUSO_ORARIO);
        if (!registrato.isAfter(fineMese.plusDays(giorniDiTolleranza))) {
            return null;
        }
        return (int) ChronoUnit.DAYS.between(fineMese, registrato);
    }

    public static boolean registratoInRitardo(YearMonth mese, Instant registratoIl, int giorniDiTolleranza) {
        return giorniDiRitardo(mese, registratoIl, giorniDiTolleranza) != null;
    }
}
