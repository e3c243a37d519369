/**
 * The scoring engine of the ente's SMVP ({@link it.comuni.peg.api.smvp.MetodoSmvp}): pure functions
 * from a method and the values known at a date to the score of every indicator, phase, objective,
 * settore, ufficio, the ente and each person, each with its explanation in Italian.
 *
 * <p>Entry point: {@link it.comuni.peg.query.smvp.MotoreSmvp#valuta}. Rounding, in one place
 * ({@link it.comuni.peg.query.smvp.Calcolo}): every score (converted, mapped, phase, share, objective,
 * aggregate, person) is rounded to 2 decimals HALF_UP at the end of the step that makes it, and the
 * next step starts from that rounded number, as the explanation shows it; a measured value that comes
 * from a division (a ratio, a mean of periods) to 4 decimals HALF_UP; divisions inside a step run with
 * {@link java.math.MathContext#DECIMAL64} (16 significant digits). A weighted mean divides once,
 * Σ peso × punti / Σ peso, so renormalising after an exclusion never rounds a weight.
 */
package it.comuni.peg.query.smvp;
