package it.comuni.peg.query.smvp;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.valutazione.CicloAlIstante;
import it.comuni.peg.query.valutazione.CicloNoto;
import it.comuni.peg.query.valutazione.ValutazioneService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores objectives and PEGs under the ente's SMVP: the schede as {@link ValutazioneService} reads them
 * (live, or replayed up to an instant), the version of the method in force at the date as recorded by that
 * instant ({@link CicloAlIstante}), put into the engine's terms by {@link DatiDaScheda} and scored by
 * {@link MotoreSmvp}.
 *
 * <p>An objective whose final evaluation the nucleo recorded (at a date not after the one asked) is scored
 * as it was then: its scheda and the cycle replayed up to the instant the evaluation was registered, at the
 * evaluation's date. Events recorded later, a new version of the method among them, cannot change it.
 * The nucleo's decisions (non valutabile, forced achievement) known at the instant apply to the
 * objectives scored.
 */
@Service
@Transactional(readOnly = true)
public class ValutazioneSmvpService {

    private final ValutazioneService valutazioni;
    private final CicloAlIstante cicli;

    public ValutazioneSmvpService(ValutazioneService valutazioni, CicloAlIstante cicli) {
        this.valutazioni = valutazioni;
        this.cicli = cicli;
    }

    /**
     * @param al   the date of the scores; null: the day of {@code istante}
     * @param live true to read the scheda from the projection rather than replaying its stream
     * @throws NonTrovato for an objective that does not exist or is not the user's to read, or when no
     *                    version of the method was in force at the date
     * @throws it.comuni.peg.api.comune.ValoriNonValidi when the scheda's data do not suit the method (an
     *                    indicator the method does not know, a value of the wrong kind), each by its path
     */
    public ValutazioneSmvp obiettivo(String id, LocalDate al, Instant istante, boolean live) {
        Scheda scheda = valutazioni.scheda(id, istante, live);
        CicloNoto ciclo = cicli.ciclo(scheda.ente(), scheda.anno(), istante);
        CicloNoto.Finale finale = ciclo.finali().get(scheda.id());
        if (finale != null && (al == null || !al.isBefore(finale.al())) && chiusoConSmvp(scheda, finale)) {
            return chiuso(scheda, finale);
        }
        LocalDate giorno = al != null ? al : Istanti.giornoDi(istante);
        return valuta(scheda.ente(), scheda.anno(), List.of(scheda), giorno, istante, "CALCOLATA", ciclo, Map.of(), live);
    }

    /**
     * Every objective of the PEG at {@code al}, with settori, uffici, the ente and each person assigned,
     * under the version of the method in force at the date; an objective the nucleo closed (at a date not
     * after {@code al}) carries its closed score, exactly {@link #obiettivo}'s, and counts with it in the
     * aggregates: neither a later version of the method nor later data change it.
     *
     * @throws NonTrovato when no version of the method was in force at the date
     */
    public ValutazioneSmvp peg(String ente, int anno, LocalDate al, Instant istante, boolean live) {
        LocalDate giorno = al != null ? al : Istanti.giornoDi(istante);
        CicloNoto ciclo = cicli.ciclo(ente, anno, istante);
        List<Scheda> schede = valutazioni.schede(ente, anno, istante, live);
        Map<String, Valutazione.Obiettivo> chiusi = new HashMap<>();
        for (Scheda s : schede) {
            CicloNoto.Finale finale = ciclo.finali().get(s.id());
            if (finale != null && !giorno.isBefore(finale.al()) && chiusoConSmvp(s, finale)) {
                chiusi.put(s.id(), chiuso(s, finale).esito().obiettivo(s.id()));
            }
        }
        return valuta(ente, anno, schede, giorno, istante, "CALCOLATA", ciclo, chiusi, live);
    }

    /**
     * Whether the nucleo closed the objective under an SMVP: a version was in force at the valutazione's date as
     * recorded when it was registered. One closed before the ente had an SMVP was judged under the former
     * three-number method (its valutazione stays what it was there); under the SMVP it is scored like an open one.
     */
    private boolean chiusoConSmvp(Scheda scheda, CicloNoto.Finale finale) {
        return cicli.ciclo(scheda.ente(), scheda.anno(), finale.registrataIl()).smvpAl(finale.al()).isPresent();
    }

    /** The objective scored as the nucleo closed it: scheda and cycle as known when it was registered. */
    private ValutazioneSmvp chiuso(Scheda scheda, CicloNoto.Finale finale) {
        Instant t = finale.registrataIl();
        Scheda allora = valutazioni.scheda(scheda.id(), t, false);
        return valuta(scheda.ente(), scheda.anno(), List.of(allora), finale.al(), t, "VALUTAZIONE_FINALE",
                cicli.ciclo(scheda.ente(), scheda.anno(), t), Map.of(), false);
    }

    /**
     * Scores {@code schede} ({@code chiusi}: the closed objectives' results, kept as closed); last year's actuals come
     * from the ente's PEG of {@code anno - 1} read as of {@code istante}.
     */
    private ValutazioneSmvp valuta(String ente, int anno, List<Scheda> schede, LocalDate al, Instant istante,
                                   String origine, CicloNoto ciclo, Map<String, Valutazione.Obiettivo> chiusi, boolean live) {
        CicloNoto.VersioneSmvp v = ciclo.smvpAl(al).orElseThrow(() -> new NonTrovato("Nessun metodo SMVP dell'ente "
                + ente + " per il " + anno + " in vigore al " + FormaItaliana.data(al)));
        DatiDaScheda.Esteso metodo = DatiDaScheda.conIndicatoriDelPeg(v.metodo(), schede);
        List<DatiValutazione.Obiettivo> obiettivi = new ArrayList<>();
        List<DatiValutazione.Assegnazione> assegnazioni = new ArrayList<>();
        java.util.Map<String, java.math.BigDecimal> annoPrecedente =
                DatiDaScheda.attualiAnnoPrecedente(valutazioni.schede(ente, anno - 1, istante, live));
        for (Scheda s : schede) {
            obiettivi.add(DatiDaScheda.obiettivo(s, metodo.metodo(), al, annoPrecedente));
            assegnazioni.addAll(DatiDaScheda.assegnazioni(s));
        }
        Set<String> ids = new HashSet<>();
        schede.forEach(s -> ids.add(s.id()));
        List<DatiValutazione.Decisione> decisioni = ciclo.decisioni().stream()
                .filter(d -> ids.contains(d.obiettivoId().valore()))
                .map(d -> new DatiValutazione.Decisione(d.obiettivoId().valore(), d.voce(),
                        d.riferimento(), d.tipo(), d.valore(), d.motivazione()))
                .toList();
        Valutazione esito = MotoreSmvp.valuta(metodo.metodo(), new DatiValutazione(al, obiettivi, assegnazioni, decisioni), chiusi);
        return new ValutazioneSmvp(ente, anno, al, istante, origine,
                new ValutazioneSmvp.Metodo(v.versione(), v.inVigoreDal(), v.metodo().titolo(), v.impronta(), metodo.impliciti()), esito);
    }
}
