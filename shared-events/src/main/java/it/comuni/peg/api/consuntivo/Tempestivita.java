package it.comuni.peg.api.consuntivo;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The two clocks of a consuntivo: the month it describes and the instant it was recorded. Recording
 * it after that month has ended, beyond a tolerance of days, is legal but visible as late.
 */
public final class Tempestivita {

    private static final ZoneId FUSO_ORARIO = ZoneId.of("Europe/Rome");

    private Tempestivita() {
    }

    public static boolean registratoInRitardo(YearMonth mese, Instant registratoIl, int giorniDiTolleranza) {
        Instant scadenza = mese.plusMonths(1).atDay(1).plusDays(giorniDiTolleranza).atStartOfDay(FUSO_ORARIO).toInstant();
        return registratoIl.isAfter(scadenza) || registratoIl.equals(scadenza);
    }
}
