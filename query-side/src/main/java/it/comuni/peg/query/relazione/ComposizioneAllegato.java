package it.comuni.peg.query.relazione;

import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.consuntivo.Tempestivita;
import it.comuni.peg.query.relazione.AllegatoObiettivi.ConsuntivoMese;
import it.comuni.peg.query.relazione.AllegatoObiettivi.FaseAllegato;
import it.comuni.peg.query.relazione.AllegatoObiettivi.IndicatoreAllegato;
import it.comuni.peg.query.relazione.AllegatoObiettivi.ObiettivoAllegato;
import it.comuni.peg.query.relazione.AllegatoObiettivi.Punteggio;
import it.comuni.peg.query.relazione.AllegatoObiettivi.RiepilogoPersona;
import it.comuni.peg.query.relazione.AllegatoObiettivi.RiepilogoStruttura;
import it.comuni.peg.query.relazione.AllegatoObiettivi.SezioneSettore;
import it.comuni.peg.query.relazione.AllegatoObiettivi.Struttura;
import it.comuni.peg.query.scheda.ElencoPeg;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.StatoAlGiorno;
import it.comuni.peg.query.smvp.Valutazione;
import it.comuni.peg.query.smvp.ValutazioneSmvp;
import it.comuni.peg.query.valutazione.CicloNoto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts the annex together from what the projections and the engine already hold: the schede as known at
 * the instant, when each consuntivo was first recorded, the scores under the SMVP, the nucleo's acts. Pure:
 * {@link AllegatoObiettiviService} reads the inputs, a test builds them from events.
 */
public final class ComposizioneAllegato {

    /**
     * What the annex is about ({@link AllegatoObiettivi} for the dates).
     *
     * @param nomiStrutture names of settori and uffici by code, for those the events name by code only
     * @param tolleranzaGiorni days after a month's end within which its consuntivo is in time
     */
    public record Intestazione(String ente, String nomeEnte, int anno, LocalDate al, LocalDate punteggiAl, Instant notoAl,
                               Map<String, String> nomiStrutture, int tolleranzaGiorni) {
    }

    private ComposizioneAllegato() {
    }

    /**
     * @param schede        the PEG's objectives as known at {@code notoAl} (any order)
     * @param registrazioni per objective id, when its consuntivi were first recorded (absent: not flagged)
     * @param smvp          the scores at {@code punteggiAl}; empty when no SMVP was in force
     */
    public static AllegatoObiettivi componi(Intestazione i, List<Scheda> schede, Map<String, PrimeRegistrazioni> registrazioni,
                                            Optional<ValutazioneSmvp> smvp, List<CicloNoto.Validazione> validazioni) {
        Optional<Valutazione> esito = smvp.map(ValutazioneSmvp::esito);
        Map<String, List<ObiettivoAllegato>> perSettore = new TreeMap<>();
        Map<String, Struttura> settori = new TreeMap<>();
        List<Scheda> ordinate = schede.stream().map(s -> StatoAlGiorno.applica(s, i.punteggiAl())).sorted(ElencoPeg.ORDINE).toList();
        for (Scheda s : ordinate) {
            ObiettivoAllegato o = obiettivo(i, s, registrazioni.getOrDefault(s.id(), new PrimeRegistrazioni()), esito);
            settori.putIfAbsent(o.settore().codice(), o.settore());
            perSettore.computeIfAbsent(o.settore().codice(), k -> new ArrayList<>()).add(o);
        }
        List<SezioneSettore> sezioni = perSettore.entrySet().stream()
                .map(e -> new SezioneSettore(settori.get(e.getKey()), e.getValue())).toList();
        List<ObiettivoAllegato> tutti = sezioni.stream().flatMap(z -> z.obiettivi().stream()).toList();
        return new AllegatoObiettivi(i.ente(), i.nomeEnte(), i.anno(), i.al(), i.punteggiAl(), i.notoAl(), smvp.map(ValutazioneSmvp::metodo),
                sezioni, riepiloghiSettori(tutti, esito), riepiloghiUffici(tutti, esito), riepiloghiPersone(tutti, esito),
                validazioni, Optional.empty());
    }

    private static ObiettivoAllegato obiettivo(Intestazione i, Scheda s, PrimeRegistrazioni registrazioni,
                                               Optional<Valutazione> esito) {
        Optional<Valutazione.Obiettivo> v = esito.flatMap(e -> e.obiettivi().stream().filter(o -> o.obiettivo().equals(s.id())).findFirst());
        List<FaseAllegato> fasi = s.fasi().stream().map(f -> fase(i, f, registrazioni,
                v.flatMap(o -> o.fasi().stream().filter(vf -> vf.numero() == f.numero()).findFirst()))).toList();
        List<IndicatoreAllegato> indicatori = s.indicatori().stream().map(ind -> {
            Optional<Valutazione.Indicatore> vi = v.flatMap(o -> o.indicatori().stream()
                    .filter(x -> x.codice().equals(ind.codice())).findFirst());
            return new IndicatoreAllegato(ind.codice(), ind.nome(), ind.unita(), ind.valoreAtteso(), ind.dataAttesa(),
                    ind.direzione(), ind.peso(), ind.valoreAnnoPrecedente(), ind.valori(),
                    vi.map(Valutazione.Indicatore::esito).orElse(null), vi.map(Valutazione.Indicatore::colore).orElse(null));
        }).toList();
        return new ObiettivoAllegato(s.id(), s.titolo(), settore(i, s.settore()), ufficio(i, s.ufficio()), s.pesoFasi(),
                s.pesoIndicatori(), s.dupStrategico(), s.dupOperativo(), s.persone(), fasi, indicatori,
                v.map(o -> new Punteggio(o.esito(), o.colore(), o.quote())));
    }

    private static FaseAllegato fase(Intestazione i, Scheda.Fase f, PrimeRegistrazioni registrazioni,
                                     Optional<Valutazione.Fase> v) {
        var vigente = new it.comuni.peg.api.fase.Pianificazione(f.inizio(), f.fine(), f.previsto());
        List<ConsuntivoMese> consuntivi = f.consuntivi().stream()
                .sorted(Comparator.comparing(Scheda.Consuntivo::mese))
                .map(c -> {
                    Instant registrato = registrazioni.di(f.numero(), c.mese());
                    Integer ritardo = registrato == null ? null
                            : Tempestivita.giorniDiRitardo(c.mese(), registrato, i.tolleranzaGiorni());
                    return new ConsuntivoMese(c.mese(), c.svolta(), c.percentuale(), c.note(), c.atto(), c.rettificato(),
                            registrato, ritardo);
                }).toList();
        return new FaseAllegato(f.numero(), f.titolo(), f.pianoOriginale() != null ? f.pianoOriginale() : vigente,
                f.storiaRimodulazioni(), vigente, consuntivi, f.percentuale(), f.completataIl(), f.attoCompletamento(),
                f.stato(), v.map(Valutazione.Fase::esito).orElse(null));
    }

    private static Struttura settore(Intestazione i, Settore s) {
        return new Struttura(s.codice(), nome(i, s.codice(), s.nome()), s.responsabile());
    }

    private static Struttura ufficio(Intestazione i, Ufficio u) {
        return u == null ? null : new Struttura(u.codice(), nome(i, u.codice(), u.nome()), u.responsabile());
    }

    private static String nome(Intestazione i, String codice, String nome) {
        return nome != null && !nome.isBlank() ? nome : i.nomiStrutture().get(codice);
    }

    private static List<RiepilogoStruttura> riepiloghiSettori(List<ObiettivoAllegato> tutti, Optional<Valutazione> esito) {
        Map<String, List<ObiettivoAllegato>> gruppi = new LinkedHashMap<>();
        tutti.forEach(o -> gruppi.computeIfAbsent(o.settore().codice(), k -> new ArrayList<>()).add(o));
        return gruppi.values().stream().map(g -> {
            Struttura settore = g.get(0).settore();
            Optional<Valutazione.Aggregato> a = esito.flatMap(e -> e.settori().stream()
                    .filter(x -> x.settore().equals(settore.codice()) && x.ufficio() == null).findFirst());
            return riepilogo(settore, null, g, a);
        }).toList();
    }

    private static List<RiepilogoStruttura> riepiloghiUffici(List<ObiettivoAllegato> tutti, Optional<Valutazione> esito) {
        Map<List<String>, List<ObiettivoAllegato>> gruppi = new LinkedHashMap<>();
        tutti.stream().filter(o -> o.ufficio() != null)
                .forEach(o -> gruppi.computeIfAbsent(List.of(o.settore().codice(), o.ufficio().codice()), k -> new ArrayList<>()).add(o));
        return gruppi.values().stream().map(g -> {
            ObiettivoAllegato primo = g.get(0);
            Optional<Valutazione.Aggregato> a = esito.flatMap(e -> e.uffici().stream()
                    .filter(x -> x.settore().equals(primo.settore().codice()) && primo.ufficio().codice().equals(x.ufficio()))
                    .findFirst());
            return riepilogo(primo.settore(), primo.ufficio(), g, a);
        }).toList();
    }

    private static RiepilogoStruttura riepilogo(Struttura settore, Struttura ufficio, List<ObiettivoAllegato> g,
                                                Optional<Valutazione.Aggregato> a) {
        int fasi = g.stream().mapToInt(o -> o.fasi().size()).sum();
        int completate = (int) g.stream().flatMap(o -> o.fasi().stream()).filter(f -> f.completataIl() != null).count();
        int ritardi = (int) g.stream().flatMap(o -> o.fasi().stream()).flatMap(f -> f.consuntivi().stream())
                .filter(ConsuntivoMese::inRitardo).count();
        return new RiepilogoStruttura(settore, ufficio, g.size(), fasi, completate, ritardi,
                a.map(Valutazione.Aggregato::esito).orElse(null), a.map(Valutazione.Aggregato::colore).orElse(null));
    }

    /** One row per person: by identificativo when known, else by name (the engine's key for the same person). */
    private static List<RiepilogoPersona> riepiloghiPersone(List<ObiettivoAllegato> tutti, Optional<Valutazione> esito) {
        Map<String, Scheda.Persona> persone = new LinkedHashMap<>();
        Map<String, List<String>> obiettivi = new LinkedHashMap<>();
        for (ObiettivoAllegato o : tutti) {
            for (Scheda.Persona p : o.persone()) {
                String chiave = p.persona() != null ? p.persona() : p.nome();
                persone.putIfAbsent(chiave, p);
                List<String> titoli = obiettivi.computeIfAbsent(chiave, k -> new ArrayList<>());
                if (!titoli.contains(o.titolo())) {
                    titoli.add(o.titolo());
                }
            }
        }
        return persone.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Scheda.Persona> e) -> e.getValue().nome()).thenComparing(Map.Entry::getKey))
                .map(e -> new RiepilogoPersona(e.getValue().nome(), e.getValue().persona(), e.getValue().categoria(),
                        List.copyOf(obiettivi.get(e.getKey())),
                        esito.flatMap(v -> v.persone().stream().filter(p -> Objects.equals(p.persona(), e.getKey())).findFirst())
                                .map(p -> p.esito().punti()).orElse(null)))
                .toList();
    }
}
