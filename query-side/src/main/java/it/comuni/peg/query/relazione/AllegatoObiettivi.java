package it.comuni.peg.query.relazione;

import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.Stato;
import it.comuni.peg.query.smvp.Esito;
import it.comuni.peg.query.smvp.ValutazioneSmvp;
import it.comuni.peg.query.valutazione.CicloNoto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The objectives' annex of the Relazione sulla performance (D.Lgs. 150/2009, art. 10 c. 1 lett. b) of an
 * ente and year, as known at a date: one model, from which both the PDF/A and the editable document are
 * written, so they cannot say different things. Values are typed (dates, months, numbers, enums); the
 * renderers give them their Italian form.
 *
 * @param ente        codice IPA
 * @param nomeEnte    the ente's name as registered (the code itself when none is)
 * @param al          the day the annex is as of: it uses what was recorded by its end
 * @param punteggiAl  the day of the scores and of each phase's stato: {@code al}, or 31/12 of the year when later
 * @param notoAl      the instant whose knowledge it uses (the end of {@code al} in Italy, or now)
 * @param metodo      the SMVP version in force at {@code al}; empty when the ente had none (no scores then)
 * @param settori     per settore (by code), its objectives (by title)
 * @param perSettore  a summary row per settore
 * @param perUfficio  a summary row per ufficio (settore and ufficio), objectives hanging on a settore excluded
 * @param perPersona  a row per person assigned, by name
 * @param validazioni the nucleo's acts on the Relazione known at {@code notoAl}, in the order recorded
 * @param ricevuta    the checkpoint the document carries, when the system issues one for it
 */
public record AllegatoObiettivi(String ente, String nomeEnte, int anno, LocalDate al, LocalDate punteggiAl, Instant notoAl,
                                Optional<ValutazioneSmvp.Metodo> metodo, List<SezioneSettore> settori,
                                List<RiepilogoStruttura> perSettore, List<RiepilogoStruttura> perUfficio,
                                List<RiepilogoPersona> perPersona, List<CicloNoto.Validazione> validazioni,
                                Optional<Ricevuta> ricevuta) {

    public AllegatoObiettivi {
        settori = List.copyOf(settori);
        perSettore = List.copyOf(perSettore);
        perUfficio = List.copyOf(perUfficio);
        perPersona = List.copyOf(perPersona);
        validazioni = List.copyOf(validazioni);
    }

    /** The same annex carrying {@code ricevuta}. */
    public AllegatoObiettivi conRicevuta(Ricevuta ricevuta) {
        return new AllegatoObiettivi(ente, nomeEnte, anno, al, punteggiAl, notoAl, metodo, settori, perSettore, perUfficio, perPersona,
                validazioni, Optional.of(ricevuta));
    }

    /** A settore or an ufficio: its code, its name (null when no source names it), its responsabile. */
    public record Struttura(String codice, String nome, String responsabile) {
    }

    public record SezioneSettore(Struttura settore, List<ObiettivoAllegato> obiettivi) {
    }

    /**
     * One objective: what was planned, what was done, the indicators, the score.
     *
     * @param ufficio   null when it hangs directly on the settore
     * @param punteggio empty when no SMVP was in force at the date
     */
    public record ObiettivoAllegato(String id, String titolo, Struttura settore, Struttura ufficio, Peso pesoFasi,
                                    Peso pesoIndicatori, RiferimentoDup dupStrategico, RiferimentoDup dupOperativo,
                                    List<Scheda.Persona> persone, List<FaseAllegato> fasi,
                                    List<IndicatoreAllegato> indicatori, Optional<Punteggio> punteggio) {
    }

    /**
     * A phase: the plan it started with, each rimodulazione (the day recorded, the plan replaced, the new one,
     * the motivazione), the plan in force, the consuntivi by month, its completion.
     *
     * @param stato  at {@code punteggiAl}
     * @param esito  its score under the SMVP; null when none
     */
    public record FaseAllegato(int numero, String titolo, Pianificazione pianoOriginale,
                               List<Scheda.Rimodulazione> rimodulazioni, Pianificazione pianoVigente,
                               List<ConsuntivoMese> consuntivi, Percentuale percentuale, LocalDate completataIl,
                               String attoCompletamento, Stato stato, Esito esito) {
    }

    /**
     * The consuntivo of a month as known at the date.
     *
     * @param registratoIl  when it was first recorded (null when its event is not at hand)
     * @param giorniRitardo days after the month's end when recorded later than the tolerance (the storico's
     *                      "registrato in ritardo", {@link it.comuni.peg.api.consuntivo.Tempestivita}); null in time
     */
    public record ConsuntivoMese(YearMonth mese, boolean svolta, Percentuale percentuale, String note, String atto,
                                 boolean rettificato, Instant registratoIl, Integer giorniRitardo) {

        public boolean inRitardo() {
            return giorniRitardo != null;
        }
    }

    /**
     * An indicator: its target (a number, or a date for a date indicator), the values recorded (typed: a
     * ratio's terms, a date, yes/no), and its score under the SMVP (null when none).
     */
    public record IndicatoreAllegato(String codice, String nome, String unita, BigDecimal valoreAtteso, LocalDate dataAttesa,
                                     Direzione direzione, Peso peso, BigDecimal valoreAnnoPrecedente,
                                     List<Scheda.ValoreRilevato> valori, Esito esito, FasciaColore.Colore colore) {
    }

    /** The objective's grado di raggiungimento with its explanation, and the shares of phases and indicators. */
    public record Punteggio(Esito esito, FasciaColore.Colore colore, List<it.comuni.peg.query.smvp.Quota> quote) {
    }

    /**
     * A summary row: a settore ({@code ufficio} null) or an ufficio; counts of objectives, phases, completed
     * phases and late consuntivi; the aggregate score under the SMVP with its explanation (null when no SMVP was
     * in force; NON_CALCOLABILE when none of its objectives counts, e.g. the method weighs others).
     */
    public record RiepilogoStruttura(Struttura settore, Struttura ufficio, int obiettivi, int fasi, int fasiCompletate,
                                     int consuntiviInRitardo, Esito esito, FasciaColore.Colore colore) {
    }

    /**
     * A person assigned: by name ({@code persona} the identificativo, null when known by name only), the
     * titles of the objectives, the score weighted by days and weight (null when none).
     */
    public record RiepilogoPersona(String nome, String persona, String categoria, List<String> obiettivi, BigDecimal punti) {
    }

    /**
     * The checkpoint a document carries: readable lines (label, value) and a machine-readable block. The
     * system fills it where it signs its checkpoints; empty until then.
     */
    public record Ricevuta(String titolo, List<Voce> voci, String blocco) {

        public record Voce(String etichetta, String valore) {
        }
    }
}
