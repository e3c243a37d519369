package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.smvp.MetodoSmvp;

import java.time.LocalDate;

/**
 * A version of the ente's SMVP for a year was recorded.
 *
 * @param versione    counts the SMVP versions of this ente and year, from 1
 * @param inVigoreDal the first day it applies to
 * @param metodo      the whole method, valid by the schema and the rules
 * @param impronta    SHA-256 (64 lowercase hex digits) of the method's canonical JSON
 *                    ({@link it.comuni.peg.api.smvp.DocumentoMetodo#impronta}): two versions with the same
 *                    impronta say the same thing
 */
public record MetodoSmvpImpostato(
        String ciclo,
        String ente,
        int anno,
        int versione,
        LocalDate inVigoreDal,
        MetodoSmvp metodo,
        String impronta,
        Motivazione motivazione) {
}
