package it.comuni.peg.query.asof;

import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.platform.axon.AxonConfig;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Parses the instants and days of the query API and of the pages. An instant is written as an Italian
 * writes it ({@code 30/06/2023 10:00}) or in ISO-8601 with an offset ({@code 2023-06-30T10:00:00Z}); a
 * date alone ({@code 30/06/2023}, {@code 2023-06-30}) means the end of that day in Europe/Rome, the ente's
 * calendar; a date-time without offset is Italian local time. A day is GG/MM/AAAA or AAAA-MM-GG.
 */
public final class Istanti {

    public static final ZoneId FUSO = AxonConfig.FUSO_ORARIO;

    private Istanti() {
    }

    /**
     * The instant {@code valore} names: as an Italian writes it ({@code 30/06/2023}: the end of that day;
     * {@code 30/06/2023 10:00} or {@code 30/06/2023 10:00:15}: that minute or second in Italy), or in ISO-8601
     * ({@code 2023-06-30}, {@code 2023-06-30T10:00:00}, {@code 2023-06-30T10:00:00Z}, {@code ...+02:00}).
     *
     * @throws ValoreNonValido naming {@code parametro}, in Italian words, when it is none of these
     */
    public static Instant istante(String valore, String parametro) {
        if (valore == null || valore.isBlank()) {
            throw new ValoreNonValido(parametro, "Il parametro '" + parametro + "' è vuoto");
        }
        String v = valore.strip();
        try {
            java.util.regex.Matcher italiano = ITALIANO.matcher(v);
            if (italiano.matches()) {
                LocalDate giorno = FormaItaliana.leggiData(italiano.group(1), parametro);
                return italiano.group(2) == null ? fineGiornata(giorno)
                        : giorno.atTime(java.time.LocalTime.parse(italiano.group(2))).atZone(FUSO).toInstant();
            }
            if (v.length() == 10) {
                return fineGiornata(LocalDate.parse(v));
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(FUSO).toInstant();
        } catch (DateTimeException | ValoreNonValido e) {
            throw new ValoreNonValido(parametro, "Il parametro '" + parametro + "' non è un giorno del calendario"
                    + " scritto GG/MM/AAAA, con l'ora facoltativa (30/06/2023 oppure 30/06/2023 10:00): '" + valore + "'");
        }
    }

    private static final java.util.regex.Pattern ITALIANO =
            java.util.regex.Pattern.compile("(\\d{1,2}/\\d{1,2}/\\d{4})(?:[ T,]+(\\d{2}:\\d{2}(?::\\d{2})?))?");

    /** A day as GG/MM/AAAA or AAAA-MM-GG ({@link FormaItaliana#leggiData}). */
    public static LocalDate giorno(String valore, String parametro) {
        return FormaItaliana.leggiData(valore, parametro);
    }

    /**
     * The instant a read is as of: now when {@code asOf} is null, else {@link #istante} of it, never after
     * now (nobody could have seen the future's stato yet).
     */
    public static Instant conosciutoAl(String asOf, java.time.Clock clock) {
        Instant adesso = clock.instant();
        if (asOf == null) {
            return adesso;
        }
        Instant richiesto = istante(asOf, "asOf");
        return richiesto.isAfter(adesso) ? adesso : richiesto;
    }

    /** The last instant of the day in Italy: everything recorded that day is included. */
    public static Instant fineGiornata(LocalDate giorno) {
        return giorno.plusDays(1).atStartOfDay(FUSO).toInstant().minusNanos(1);
    }

    public static LocalDate giornoDi(Instant istante) {
        return LocalDate.ofInstant(istante, FUSO);
    }
}
