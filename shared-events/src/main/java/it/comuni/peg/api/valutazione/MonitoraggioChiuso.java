package it.comuni.peg.api.valutazione;

import java.time.LocalDate;

public record MonitoraggioChiuso(
        String ciclo,
        String ente,
        int anno,
        LocalDate data,
        String note) {
}
