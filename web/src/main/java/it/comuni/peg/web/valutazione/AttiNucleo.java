package it.comuni.peg.web.valutazione;

import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.web.comune.Modulo;

import java.util.Set;

/** The forms of the valutazione pages: the nucleo's acts and the method's parameters. */
final class AttiNucleo {

    static final String MONITORAGGIO = "monitoraggio";
    static final String METODO = "metodo";
    static final String FINALE = "finale";

    static final Set<String> CAMPI_MONITORAGGIO = Set.of("data", "note");
    static final Set<String> CAMPI_METODO = Set.of("penalitaMeseRitardo", "fattoreNonCompletata", "tolleranzaGiorni", "motivazione");
    static final Set<String> CAMPI_FINALE = Set.of("al", "valutazioneIndicatori", "motivazione");

    private static final it.comuni.peg.web.comune.Formato FORMATO = new it.comuni.peg.web.comune.Formato();

    private AttiNucleo() {
    }

    static Modulo monitoraggio() {
        return new Modulo(MONITORAGGIO, CAMPI_MONITORAGGIO);
    }

    static Modulo metodo() {
        return new Modulo(METODO, CAMPI_METODO);
    }

    /** The method's form starts from the parameters in force, so that a change is one field. */
    static Modulo metodo(ParametriValutazione inVigore) {
        return metodo()
                .valore("penalitaMeseRitardo", FORMATO.numero(inVigore.penalitaMeseRitardo()))
                .valore("fattoreNonCompletata", FORMATO.numero(inVigore.fattoreNonCompletata()))
                .valore("tolleranzaGiorni", String.valueOf(inVigore.tolleranzaGiorni()));
    }

    static Modulo finale() {
        return new Modulo(FINALE, CAMPI_FINALE);
    }
}
