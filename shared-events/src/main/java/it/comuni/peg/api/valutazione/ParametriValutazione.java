package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.ValoreNonValido;

import java.math.BigDecimal;

/**
 * The parameters of the ente's method (SMVP) for a year; see DOMAIN.md, "Scoring".
 *
 * @param penalitaMeseRitardo  points a phase completed late loses for each month (or part) of delay
 * @param fattoreNonCompletata share of its recorded percentage a phase not completed at the date scores (0..1)
 * @param tolleranzaGiorni     days after the planned end within which a completion still counts as on time
 */
public record ParametriValutazione(BigDecimal penalitaMeseRitardo, BigDecimal fattoreNonCompletata, int tolleranzaGiorni) {

    public static final ParametriValutazione PREDEFINITI =
            new ParametriValutazione(BigDecimal.valueOf(10), new BigDecimal("0.5"), 0);

    public ParametriValutazione {
        if (penalitaMeseRitardo == null || penalitaMeseRitardo.signum() < 0 || penalitaMeseRitardo.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new ValoreNonValido("penalitaMeseRitardo", "La penalità per mese di ritardo deve essere tra 0 e 100 punti");
        }
        if (fattoreNonCompletata == null || fattoreNonCompletata.signum() < 0 || fattoreNonCompletata.compareTo(BigDecimal.ONE) > 0) {
            throw new ValoreNonValido("fattoreNonCompletata", "Il fattore per le fasi non completate deve essere tra 0 e 1");
        }
        if (tolleranzaGiorni < 0 || tolleranzaGiorni > 366) {
            throw new ValoreNonValido("tolleranzaGiorni", "La tolleranza deve essere tra 0 e 366 giorni");
        }
    }

    public boolean ugualeA(ParametriValutazione altri) {
        return penalitaMeseRitardo.compareTo(altri.penalitaMeseRitardo) == 0
                && fattoreNonCompletata.compareTo(altri.fattoreNonCompletata) == 0
                && tolleranzaGiorni == altri.tolleranzaGiorni;
    }
}
