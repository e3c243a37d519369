package it.comuni.peg.query.scheda;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** The objectives of an ente and year, with the day their stato refers to. */
public record ElencoPeg(String ente, int anno, LocalDate statoAl, int totale, List<VoceElenco> obiettivi) {

    /** One order for the live list and the as-of list: by settore, ufficio, titolo, id. */
    public static final Comparator<Scheda> ORDINE = Comparator
            .comparing((Scheda s) -> s.settore().codice())
            .thenComparing(s -> s.ufficio() == null ? "" : s.ufficio().codice())
            .thenComparing(Scheda::titolo)
            .thenComparing(Scheda::id);

    public static ElencoPeg di(FiltroPeg filtro, LocalDate giorno, List<Scheda> schede) {
        List<VoceElenco> voci = schede.stream()
                .map(s -> StatoAlGiorno.applica(s, giorno))
                .filter(s -> filtro.stato() == null || s.stato() == filtro.stato())
                .sorted(ORDINE)
                .map(VoceElenco::di)
                .toList();
        return new ElencoPeg(filtro.ente(), filtro.anno(), giorno, voci.size(), voci);
    }
}
