package it.comuni.peg.api.valutazione;

import it.comuni.peg.api.comune.Motivazione;

import java.time.LocalDate;

/** The nucleo's act on the Relazione sulla performance of {@code anno} ({@link ValidaRelazionePerformance}). */
public record RelazionePerformanceValidata(
        String ciclo,
        String ente,
        int anno,
        LocalDate data,
        String atto,
        Esito esito,
        Motivazione motivazione) implements AttoDelCiclo {

    /** The outcome of the act (D.Lgs. 150/2009, art. 14 c. 4 lett. c). */
    public enum Esito {
        VALIDATA("validata"),
        NON_VALIDATA("non validata");

        private final String parola;

        Esito(String parola) {
            this.parola = parola;
        }

        /** The outcome as an Italian reader reads it: "validata", "non validata". */
        public String parola() {
            return parola;
        }
    }
}
