package it.comuni.peg.query.smvp;

import it.comuni.peg.api.valutazione.VoceSmvpDecisa;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.smvp.PeriodoMisura;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the engine scores: the facts of one ente's PEG as known at a date (the caller picks them on
 * the recording axis), and the nucleo's decisions. Checked by {@link MotoreSmvp} before any score:
 * a value of the wrong kind, a ratio over 0, a date indicator without its date are refused, each named
 * by its path ({@code obiettivi[0].indicatori[1].rilevazioni[2].valore}).
 *
 * @param al          the date the scores refer to (the end of the year, a monitoraggio's date)
 * @param obiettivi   the objectives, with their phases and indicators
 * @param assegnazioni the people assigned to the objectives, each for a period
 * @param decisioni   the nucleo's non valutabile and forced achievements
 */
public record DatiValutazione(LocalDate al, List<Obiettivo> obiettivi, List<Assegnazione> assegnazioni,
                              List<Decisione> decisioni) {

    public DatiValutazione {
        obiettivi = List.copyOf(obiettivi);
        assegnazioni = assegnazioni == null ? List.of() : List.copyOf(assegnazioni);
        decisioni = decisioni == null ? List.of() : List.copyOf(decisioni);
    }

    /**
     * An objective of the PEG; {@code pesoFasi}/{@code pesoIndicatori} are the PEG's own (both or neither),
     * {@code ufficio} null when it hangs on the settore.
     */
    public record Obiettivo(String obiettivo, String titolo, String settore, String ufficio, BigDecimal pesoFasi,
                            BigDecimal pesoIndicatori, List<Fase> fasi, List<Indicatore> indicatori) {

        public Obiettivo {
            fasi = fasi == null ? List.of() : List.copyOf(fasi);
            indicatori = indicatori == null ? List.of() : List.copyOf(indicatori);
        }
    }

    /**
     * A phase: its planned end, the day it was completed (null: not yet) and its last recorded progress
     * (0..100, null: none) as known at the date; {@code rimodulazioni} the changes of its plan, oldest first
     * (they explain the planned end, which is already the last plan's).
     */
    public record Fase(int numero, String titolo, LocalDate finePrevista, LocalDate completataIl, Integer percentuale,
                       List<Rimodulazione> rimodulazioni) {

        public Fase {
            rimodulazioni = rimodulazioni == null ? List.of() : List.copyOf(rimodulazioni);
        }

        /** A phase never rimodulata. */
        public Fase(int numero, String titolo, LocalDate finePrevista, LocalDate completataIl, Integer percentuale) {
            this(numero, titolo, finePrevista, completataIl, percentuale, List.of());
        }
    }

    /**
     * A change of a phase's plan: the day it was recorded, the dates before and after (any may be null:
     * not planned) and the motivazione.
     */
    public record Rimodulazione(LocalDate il, LocalDate inizioPrima, LocalDate finePrima, LocalDate inizioDopo,
                                LocalDate fineDopo, String motivazione) {
    }

    /**
     * An indicator of the objective by its code in the method; {@code peso} its weight in the PEG (null:
     * none), {@code atteso} its target, {@code annoPrecedente} last year's actual (null: unknown).
     */
    public record Indicatore(String codice, BigDecimal peso, Valore atteso, Valore annoPrecedente,
                             List<Rilevazione> rilevazioni) {

        public Indicatore {
            rilevazioni = rilevazioni == null ? List.of() : List.copyOf(rilevazioni);
        }
    }

    /** The value of one measurement period. */
    public record Rilevazione(PeriodoMisura periodo, Valore valore) {
    }

    /** A person (matricola, codice fiscale or name) assigned to an objective from {@code dal} to {@code al}, both included. */
    public record Assegnazione(String persona, String obiettivo, LocalDate dal, LocalDate al) {
    }

    /**
     * A decision of the nucleo on an objective, or on one of its phases (riferimento: the phase's number)
     * or indicators (riferimento: the code). NON_VALUTABILE leaves the item out and renormalises the
     * others; FORZATURA sets its score to {@code valore}, the computed one staying in the explanation.
     */
    public record Decisione(String obiettivo, VoceSmvpDecisa.Voce voce, String riferimento, VoceSmvpDecisa.Tipo tipo,
                            BigDecimal valore, Motivazione motivazione) {
    }
}
