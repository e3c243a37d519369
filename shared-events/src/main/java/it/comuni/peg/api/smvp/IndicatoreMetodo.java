package it.comuni.peg.api.smvp;

import it.comuni.peg.api.indicatore.Direzione;

/**
 * How the method scores one indicator of the ente's PEG, known by its {@code codice}.
 *
 * @param tipo        what its values are
 * @param unita       the unit its values are in ("giorni", "%", "pratiche"); optional
 * @param direzione   whether higher (CRESCENTE) or lower (DECRESCENTE) is better
 * @param conversione the {@link Conversione#id()} that scores it; absent: the method's conversion for its type
 * @param periodo     how often it is measured; absent: the method's {@code periodoMisurazione}
 * @param cumulo      how the periods' values make the value at a date: ULTIMO (the last period closed
 *                    by the date; the default), SOMMA or MEDIA of the periods closed by then (a ratio sums
 *                    numerators and denominators apart); DATA and SI_NO take the last only
 * @param soglie      its thresholds, needed by a SOGLIE conversion
 * @param mappatura   its own result mapping; absent: the method's
 */
public record IndicatoreMetodo(
        String codice,
        String nome,
        TipoIndicatore tipo,
        String unita,
        Direzione direzione,
        String conversione,
        Periodicita periodo,
        Cumulo cumulo,
        Soglie soglie,
        Mappatura mappatura) {

    public enum Cumulo {
        ULTIMO,
        SOMMA,
        MEDIA
    }

    /** ULTIMO when absent. */
    public Cumulo cumuloOPredefinito() {
        return cumulo == null ? Cumulo.ULTIMO : cumulo;
    }
}
