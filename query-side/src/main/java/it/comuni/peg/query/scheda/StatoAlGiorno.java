package it.comuni.peg.query.scheda;

import java.time.LocalDate;
import java.util.List;

/**
 * The time-dependent part of a scheda: the stato of each phase and of the objective on a day (for
 * the live view today, for an as-of read the day of that instant, both Europe/Rome).
 * <ul>
 *     <li>COMPLETATO: the phase is completed; the objective when it has phases and all are;</li>
 *     <li>IN_RITARDO: the planned end is before the day and the phase is not completed; the
 *     objective when any of its phases is;</li>
 *     <li>IN_CORSO: some consuntivo (or completion) is recorded;</li>
 *     <li>NON_AVVIATO: otherwise.</li>
 * </ul>
 * {@link SchedaRiga} keeps the three facts this needs as columns, so that the PEG list filters by
 * stato in SQL with the same rule.
 */
public final class StatoAlGiorno {

    private StatoAlGiorno() {
    }

    public static Scheda applica(Scheda s, LocalDate giorno) {
        List<Scheda.Fase> fasi = s.fasi().stream().map(f -> conStato(f, statoFase(f, giorno))).toList();
        return new Scheda(s.id(), s.ente(), s.anno(), s.titolo(), s.descrizione(), s.settore(), s.ufficio(),
                s.pesoIndicatori(), s.pesoFasi(), s.dupStrategico(), s.dupOperativo(), s.persone(), fasi,
                s.indicatori(), s.versione(), s.definitoIl(), s.aggiornatoIl(), statoObiettivo(s, giorno), giorno);
    }

    public static Stato statoFase(Scheda.Fase f, LocalDate giorno) {
        if (f.completata()) {
            return Stato.COMPLETATO;
        }
        if (f.fine() != null && f.fine().isBefore(giorno)) {
            return Stato.IN_RITARDO;
        }
        return f.consuntivi().isEmpty() ? Stato.NON_AVVIATO : Stato.IN_CORSO;
    }

    public static Stato statoObiettivo(Scheda s, LocalDate giorno) {
        if (completato(s)) {
            return Stato.COMPLETATO;
        }
        LocalDate scadenza = scadenzaAperta(s);
        if (scadenza != null && scadenza.isBefore(giorno)) {
            return Stato.IN_RITARDO;
        }
        return avviato(s) ? Stato.IN_CORSO : Stato.NON_AVVIATO;
    }

    static boolean completato(Scheda s) {
        return !s.fasi().isEmpty() && s.fasi().stream().allMatch(Scheda.Fase::completata);
    }

    static boolean avviato(Scheda s) {
        return s.fasi().stream().anyMatch(f -> f.completata() || !f.consuntivi().isEmpty());
    }

    /** The earliest planned end among the phases not completed: past it, the objective is late. */
    static LocalDate scadenzaAperta(Scheda s) {
        return s.fasi().stream()
                .filter(f -> !f.completata() && f.fine() != null)
                .map(Scheda.Fase::fine)
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    private static Scheda.Fase conStato(Scheda.Fase f, Stato stato) {
        return new Scheda.Fase(f.numero(), f.titolo(), f.descrizione(), f.inizio(), f.fine(), f.previsto(),
                f.previstoEsplicito(), f.pianoOriginale(), f.rimodulazioni(), f.consuntivo(), f.consuntivi(),
                f.percentuale(), f.completataIl(), f.attoCompletamento(), stato, f.storiaRimodulazioni());
    }
}
