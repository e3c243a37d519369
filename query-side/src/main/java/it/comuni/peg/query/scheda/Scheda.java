package it.comuni.peg.query.scheda;

import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.Direzione;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The scheda of an Obiettivo PEG, exactly as GET /api/obiettivi/{id} returns it. The same tree is
 * stored by the projection (with {@code stato} and {@code statoAl} empty) and rebuilt by an as-of
 * read from the events: both pass through {@link SchedaReducer} and {@link StatoAlGiorno}, so the
 * live and the as-of JSON cannot drift apart.
 */
public record Scheda(
        String id,
        String ente,
        int anno,
        String titolo,
        String descrizione,
        Settore settore,
        Ufficio ufficio,
        Peso pesoIndicatori,
        Peso pesoFasi,
        RiferimentoDup dupStrategico,
        RiferimentoDup dupOperativo,
        List<Persona> persone,
        List<Fase> fasi,
        List<Indicatore> indicatori,
        long versione,
        Instant definitoIl,
        Instant aggiornatoIl,
        Stato stato,
        LocalDate statoAl) {

    public Scheda {
        persone = persone == null ? List.of() : List.copyOf(persone);
        fasi = fasi == null ? List.of() : List.copyOf(fasi);
        indicatori = indicatori == null ? List.of() : List.copyOf(indicatori);
    }

    /**
     * A person assigned to the objective, with every period of assignment. {@code persona} is the
     * identificativo in the ente's organigramma (matricola or codice fiscale), null for a person known
     * by name only (every assignment recorded before identificativi, and the print's).
     */
    public record Persona(String nome, String persona, String categoria, String ruolo, List<PeriodoAssegnazione> periodi) {
        public Persona {
            periodi = periodi == null ? List.of() : List.copyOf(periodi);
        }

        /**
         * Whether this is the person named: by identificativo when both have one (two employees with the
         * same name are two people), else by name (the rule of the aggregate's assignments).
         */
        public boolean di(String altraPersona, String altroNome) {
            return persona != null && altraPersona != null ? persona.equals(altraPersona) : nome.equals(altroNome);
        }
    }

    /** {@code finePrevista} is set when the assignment was ended before the planned end. */
    public record PeriodoAssegnazione(LocalDate inizio, LocalDate fine, LocalDate finePrevista) {
    }

    /**
     * A phase and its two rows of the cronoprogramma: {@code previsto} (planned months) and
     * {@code consuntivo} (months in which it was really worked on). {@code pianoOriginale} is the
     * baseline, kept once the phase has been rimodulata; {@code storiaRimodulazioni} each rimodulazione in
     * the order recorded (empty when none).
     */
    public record Fase(
            int numero,
            String titolo,
            String descrizione,
            LocalDate inizio,
            LocalDate fine,
            List<YearMonth> previsto,
            boolean previstoEsplicito,
            Pianificazione pianoOriginale,
            int rimodulazioni,
            List<YearMonth> consuntivo,
            List<Consuntivo> consuntivi,
            Percentuale percentuale,
            LocalDate completataIl,
            String attoCompletamento,
            Stato stato,
            List<Rimodulazione> storiaRimodulazioni) {

        public Fase {
            storiaRimodulazioni = storiaRimodulazioni == null ? List.of() : List.copyOf(storiaRimodulazioni);
            previsto = previsto == null ? List.of() : List.copyOf(previsto);
            consuntivo = consuntivo == null ? List.of() : List.copyOf(consuntivo);
            consuntivi = consuntivi == null ? List.of() : List.copyOf(consuntivi);
        }

        public boolean completata() {
            return completataIl != null;
        }
    }

    /**
     * One rimodulazione of a phase: the day it was recorded (Europe/Rome), the plan it replaced, the new
     * plan and why.
     */
    public record Rimodulazione(LocalDate il, Pianificazione precedente, Pianificazione nuova, String motivazione) {
    }

    /** The consuntivo of one month; {@code rettificato} when a rettifica replaced what was first recorded. */
    public record Consuntivo(YearMonth mese, boolean svolta, Percentuale percentuale, String note, String atto,
                             boolean rettificato) {
    }

    /**
     * An indicator: {@code valoreAtteso} its numeric target, or {@code dataAttesa} its target date (a date
     * indicator); {@code valoreAnnoPrecedente} the previous year's actual recorded with the plan (null: none).
     */
    public record Indicatore(
            String codice,
            String nome,
            String unita,
            BigDecimal valoreAtteso,
            Direzione direzione,
            Peso peso,
            List<ValoreRilevato> valori,
            BigDecimal ultimoValore,
            LocalDate dataAttesa,
            BigDecimal valoreAnnoPrecedente) {

        public Indicatore {
            valori = valori == null ? List.of() : List.copyOf(valori);
        }
    }

    /**
     * One recorded value: {@code valore} the number (a ratio's quotient, 1/0 for yes/no, null for a date);
     * a ratio also keeps {@code numeratore} and {@code denominatore}, a date {@code data}, a yes/no {@code si};
     * {@code periodo} the measurement period's code when recorded ("2024-Q2"). Schede stored before typed values
     * read these as null.
     */
    public record ValoreRilevato(BigDecimal valore, LocalDate dataRiferimento, String note, Instant registratoIl,
                                 BigDecimal numeratore, BigDecimal denominatore, LocalDate data, Boolean si, String periodo) {
    }
}
