package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.api.valutazione.RelazionePerformanceValidata;
import it.comuni.peg.api.valutazione.VoceSmvpDecisa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation cycle of an ente and year as known at an instant.
 *
 * @param smvp      the versions of the ente's SMVP recorded by then, in the order recorded (empty: none)
 * @param decisioni the nucleo's decisions on items scored under the SMVP, the latest per item, in the order recorded
 * @param validazioni the nucleo's acts on the Relazione sulla performance of the year, in the order recorded
 */
public record CicloNoto(int versioneMetodo, ParametriValutazione parametri, Instant metodoDal,
                        List<Monitoraggio> monitoraggi, Map<String, Finale> finali, List<VersioneSmvp> smvp,
                        List<VoceSmvpDecisa> decisioni, List<Validazione> validazioni) {

    /** A recorded version of the SMVP: {@code registrataIl} the instant its event was recorded. */
    public record VersioneSmvp(int versione, LocalDate inVigoreDal, MetodoSmvp metodo, String impronta, String motivazione,
                               Instant registrataIl) {
    }

    /**
     * The version in force on {@code giorno}: of those recorded, the one with the latest {@code inVigoreDal}
     * not after it; between two from the same day, the later recorded (a correction). Empty when none
     * was in force yet.
     */
    public Optional<VersioneSmvp> smvpAl(LocalDate giorno) {
        return smvp.stream()
                .filter(v -> !v.inVigoreDal().isAfter(giorno))
                .max(Comparator.comparing(VersioneSmvp::inVigoreDal).thenComparingInt(VersioneSmvp::versione));
    }

    /** The version numbered {@code versione} (from 1), if recorded by then. */
    public Optional<VersioneSmvp> smvp(int versione) {
        return smvp.stream().filter(v -> v.versione() == versione).findFirst();
    }

    public record Monitoraggio(LocalDate data, Instant chiusoIl, String note) {
    }

    public record Finale(LocalDate al, Percentuale valutazioneIndicatori, String motivazione, Instant registrataIl) {
    }

    /** An act on the Relazione sulla performance: {@code registrataIl} the instant its event was recorded. */
    public record Validazione(LocalDate data, String atto, RelazionePerformanceValidata.Esito esito, String motivazione,
                              Instant registrataIl) {
    }

    public Optional<Monitoraggio> monitoraggio(LocalDate data) {
        return monitoraggi.stream().filter(m -> m.data().equals(data)).findFirst();
    }
}
