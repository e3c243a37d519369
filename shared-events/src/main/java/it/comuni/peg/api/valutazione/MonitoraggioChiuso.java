package it.comuni.peg.api.valutazione;

import java.time.LocalDate;

/** The nucleo closed the monitoraggio intermedio of a cycle at a date: an act of the cycle. */
public record MonitoraggioChiuso(
        String ciclo,
        String ente,
        int anno,
        LocalDate data,
        String note) implements AttoDelCiclo {
}
