package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.valutazione.ParametriValutazione;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The evaluation cycle of an ente and year as known at an instant. */
public record CicloNoto(int versioneMetodo, ParametriValutazione parametri, Instant metodoDal,
                        List<Monitoraggio> monitoraggi, Map<String, Finale> finali) {

    public record Monitoraggio(LocalDate data, Instant chiusoIl, String note) {
    }

    public record Finale(LocalDate al, Percentuale valutazioneIndicatori, String motivazione, Instant registrataIl) {
    }

    public Optional<Monitoraggio> monitoraggio(LocalDate data) {
        return monitoraggi.stream().filter(m -> m.data().equals(data)).findFirst();
    }
}
