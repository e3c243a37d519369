package it.comuni.peg.query.smvp;

import it.comuni.peg.api.valutazione.VoceSmvpDecisa;

import it.comuni.peg.api.comune.ValoriNonValidi;
import it.comuni.peg.api.smvp.Aggregazioni;
import it.comuni.peg.api.smvp.Conversione;
import it.comuni.peg.api.smvp.Fascia;
import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.api.smvp.IndicatoreMetodo;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.smvp.ObiettivoMetodo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static it.comuni.peg.query.smvp.Calcolo.CENTO;
import static it.comuni.peg.query.smvp.Calcolo.g;
import static it.comuni.peg.query.smvp.Calcolo.n;

/**
 * The ente's SMVP applied to the facts known at a date: a pure function, the same inputs giving the
 * same scores and the same explanations, whatever the clock or the zone.
 *
 * <p>An indicator: its value at the date ({@link Misure}), converted ({@link Conversioni}), mapped
 * ({@link Mappature}). A phase: the method's phase rules ({@link Fasi}), or the indicator the method
 * scores it with. An objective: the weighted means of its phases and of its indicators, combined by
 * pesoFasi / pesoIndicatori, then the objective's mapping. Settori, uffici, the ente: weighted means of
 * their objectives. A person: the weighted mean of their objectives, each weighing the days assigned in
 * the method's year × the objective's weight in the ente. Every mean is {@link Ponderazione}'s.
 *
 * <p>The nucleo's decisions: a non valutabile item is left out and the others renormalised, shown as
 * such; a forced achievement replaces the computed score, which stays in {@link Esito#calcolato()} and
 * in the explanation. An item that weighs everything and is left out leaves its mean not computable:
 * the share of the objective it belonged to then counts no more, and the other share counts whole; if
 * neither counts, the objective is NON_CALCOLABILE and is left out of its settore, ufficio, ente and
 * people's scores.
 *
 * <p>Precondition: {@code metodo} passed {@link it.comuni.peg.api.smvp.DocumentoMetodo#verifica} (the
 * import refuses any other).
 */
public final class MotoreSmvp {

    private MotoreSmvp() {
    }

    /**
     * Scores everything in {@code dati} at {@code dati.al()}.
     *
     * @throws ValoriNonValidi every wrong input ({@link DatiValutazione}), before any score
     */
    public static Valutazione valuta(MetodoSmvp metodo, DatiValutazione dati) {
        return valuta(metodo, dati, Map.of());
    }

    /**
     * Scores everything in {@code dati} at {@code dati.al()}, except the objectives already scored in
     * {@code chiusi} (by id: the nucleo closed them, their score is the one given): those enter settori,
     * uffici, the ente and people with that score, and are neither checked nor scored again.
     *
     * @throws ValoriNonValidi every wrong input among the objectives to score, before any score
     */
    public static Valutazione valuta(MetodoSmvp metodo, DatiValutazione dati, Map<String, Valutazione.Obiettivo> chiusi) {
        VerificaDati.verifica(metodo, chiusi.isEmpty() ? dati : new DatiValutazione(dati.al(),
                dati.obiettivi().stream().filter(o -> !chiusi.containsKey(o.obiettivo())).toList(),
                dati.assegnazioni().stream().filter(a -> !chiusi.containsKey(a.obiettivo())).toList(),
                dati.decisioni().stream().filter(d -> !chiusi.containsKey(d.obiettivo())).toList()));
        Map<String, DatiValutazione.Decisione> decisioni = new HashMap<>();
        dati.decisioni().forEach(d -> decisioni.put(chiave(d.obiettivo(), d.voce(), d.riferimento()), d));
        List<Valutazione.Obiettivo> obiettivi = dati.obiettivi().stream()
                .map(o -> chiusi.containsKey(o.obiettivo()) ? chiusi.get(o.obiettivo()) : obiettivo(metodo, o, dati.al(), decisioni))
                .toList();
        Aggregazioni agg = metodo.aggregazioni();
        Map<String, List<Valutazione.Obiettivo>> perSettore = new LinkedHashMap<>();
        Map<List<String>, List<Valutazione.Obiettivo>> perUfficio = new LinkedHashMap<>();
        for (Valutazione.Obiettivo o : obiettivi) {
            if (o.settore() != null) {
                perSettore.computeIfAbsent(o.settore(), k -> new ArrayList<>()).add(o);
                if (o.ufficio() != null) {
                    perUfficio.computeIfAbsent(List.of(o.settore(), o.ufficio()), k -> new ArrayList<>()).add(o);
                }
            }
        }
        List<Valutazione.Aggregato> settori = new ArrayList<>();
        perSettore.forEach((s, os) -> settori.add(aggregato(metodo, s, null, os, pesiGruppo(agg == null ? null : agg.settori(), s, null))));
        List<Valutazione.Aggregato> uffici = new ArrayList<>();
        perUfficio.forEach((k, os) -> uffici.add(aggregato(metodo, k.get(0), k.get(1), os,
                pesiGruppo(agg == null ? null : agg.uffici(), k.get(0), k.get(1)))));
        Valutazione.Aggregato ente = aggregato(metodo, null, null, obiettivi, agg == null ? null : agg.ente());
        return new Valutazione(dati.al(), obiettivi, settori, uffici, ente, persone(metodo, dati, obiettivi));
    }

    static String chiave(String obiettivo, VoceSmvpDecisa.Voce voce, String riferimento) {
        return obiettivo + "\u0000" + voce + "\u0000" + (voce == VoceSmvpDecisa.Voce.OBIETTIVO ? "" : riferimento);
    }

    /** What a phase can score: its indicator's mapped range when the method scores it so, else 0..100. */
    static BigDecimal[] intervalloFase(MetodoSmvp metodo, String obiettivo, int numero) {
        return indicatoreDellaFase(metodo, obiettivo, numero)
                .flatMap(metodo::indicatore)
                .map(im -> Mappature.intervallo(metodo.mappaturaDi(im)))
                .orElse(new BigDecimal[]{BigDecimal.ZERO, CENTO});
    }

    private static Optional<String> indicatoreDellaFase(MetodoSmvp metodo, String obiettivo, int numero) {
        return metodo.obiettivo(obiettivo).flatMap(om -> om.fasi() == null ? Optional.empty()
                : om.fasi().stream().filter(f -> f.numero() == numero && f.indicatore() != null).findFirst()
                .map(ObiettivoMetodo.PesoFase::indicatore));
    }

    private static Valutazione.Obiettivo obiettivo(MetodoSmvp m, DatiValutazione.Obiettivo o, LocalDate al,
                                                   Map<String, DatiValutazione.Decisione> decisioni) {
        Optional<ObiettivoMetodo> om = m.obiettivo(o.obiettivo());
        Map<String, Valutazione.Indicatore> indicatori = new LinkedHashMap<>();
        for (DatiValutazione.Indicatore di : o.indicatori()) {
            indicatori.put(di.codice(), indicatore(m, di, al,
                    decisioni.get(chiave(o.obiettivo(), VoceSmvpDecisa.Voce.INDICATORE, di.codice()))));
        }
        List<Valutazione.Fase> fasi = new ArrayList<>();
        for (DatiValutazione.Fase f : o.fasi()) {
            fasi.add(fase(m, o.obiettivo(), f, indicatori, al,
                    decisioni.get(chiave(o.obiettivo(), VoceSmvpDecisa.Voce.FASE, String.valueOf(f.numero())))));
        }
        List<String> passi = new ArrayList<>();
        passi.add("obiettivo " + (o.titolo() != null ? "«" + o.titolo() + "»" : o.obiettivo()) + ", valutato al " + g(al));

        List<ObiettivoMetodo.PesoFase> pesiFasi = om.map(ObiettivoMetodo::fasi).orElse(null);
        passi.add(pesiFasi != null ? "pesi delle fasi dal metodo" : "fasi di pari peso");
        List<Ponderazione.Voce> vociFasi = fasi.stream().map(f -> {
            BigDecimal peso = pesiFasi == null ? BigDecimal.ONE : pesiFasi.stream().filter(p -> p.numero() == f.numero())
                    .map(ObiettivoMetodo.PesoFase::peso).findFirst().orElse(BigDecimal.ZERO);
            return new Ponderazione.Voce("fase " + f.numero(), peso, f.esito().punti(), esclusione(f.esito()));
        }).toList();
        Ponderazione.Media mediaFasi = fasi.isEmpty() ? null : Ponderazione.media("fasi", vociFasi, passi);

        List<ObiettivoMetodo.PesoIndicatore> pesiInd = om.map(ObiettivoMetodo::indicatori).orElse(null);
        boolean pesiPeg = pesiInd == null && !o.indicatori().isEmpty() && o.indicatori().stream().allMatch(i -> i.peso() != null);
        passi.add(pesiInd != null ? "pesi degli indicatori dal metodo" : pesiPeg ? "pesi degli indicatori dal PEG" : "indicatori di pari peso");
        List<Ponderazione.Voce> vociInd = o.indicatori().stream().map(di -> {
            BigDecimal peso = pesiInd != null ? pesiInd.stream().filter(p -> p.codice().equals(di.codice()))
                    .map(ObiettivoMetodo.PesoIndicatore::peso).findFirst().orElse(BigDecimal.ZERO)
                    : pesiPeg ? di.peso() : BigDecimal.ONE;
            Esito e = indicatori.get(di.codice()).esito();
            return new Ponderazione.Voce("indicatore " + di.codice(), peso, e.punti(), esclusione(e));
        }).toList();
        Ponderazione.Media mediaInd = o.indicatori().isEmpty() ? null : Ponderazione.media("indicatori", vociInd, passi);

        BigDecimal pf;
        BigDecimal pi;
        if (om.isPresent() && om.get().pesoFasi() != null) {
            pf = om.get().pesoFasi();
            pi = om.get().pesoIndicatori();
            passi.add("peso fasi " + n(pf) + "% e peso indicatori " + n(pi) + "% dal metodo per questo obiettivo");
        } else if (o.pesoFasi() != null) {
            pf = o.pesoFasi();
            pi = o.pesoIndicatori();
            passi.add("peso fasi " + n(pf) + "% e peso indicatori " + n(pi) + "% dal PEG");
        } else {
            pf = m.pesoFasi();
            pi = m.pesoIndicatori();
            passi.add("peso fasi " + n(pf) + "% e peso indicatori " + n(pi) + "% predefiniti dal metodo");
        }
        Ponderazione.Media grado = Ponderazione.media("grado di raggiungimento", List.of(
                new Ponderazione.Voce("fasi", pf, quota(mediaFasi), mediaFasi == null ? "nessuna fase" : "nessuna fase conta"),
                new Ponderazione.Voce("indicatori", pi, quota(mediaInd), mediaInd == null ? "nessun indicatore" : "nessun indicatore conta")),
                passi);
        BigDecimal calcolato = grado.risultato() == null ? null : Mappature.applica(m.mappaturaObiettivoOPredefinita(), grado.risultato(), passi);
        Esito esito = decidi(calcolato, calcolato == null ? Esito.Stato.NON_CALCOLABILE : Esito.Stato.CALCOLATO, passi,
                decisioni.get(chiave(o.obiettivo(), VoceSmvpDecisa.Voce.OBIETTIVO, null)));
        return new Valutazione.Obiettivo(o.obiettivo(), o.titolo(), o.settore(), o.ufficio(), fasi,
                mediaFasi == null ? List.of() : mediaFasi.quote(), List.copyOf(indicatori.values()),
                mediaInd == null ? List.of() : mediaInd.quote(), grado.quote(), esito, colore(m, esito));
    }

    private static BigDecimal quota(Ponderazione.Media media) {
        return media == null ? null : media.risultato();
    }

    private static Valutazione.Indicatore indicatore(MetodoSmvp m, DatiValutazione.Indicatore di, LocalDate al,
                                                     DatiValutazione.Decisione decisione) {
        IndicatoreMetodo im = m.indicatore(di.codice()).orElseThrow();
        List<String> passi = new ArrayList<>();
        passi.add("indicatore " + im.codice() + " «" + im.nome() + "», tipo " + im.tipo().nome()
                + (im.unita() != null ? ", in " + im.unita() : "") + ", misurato per " + m.periodoDi(im).nome());
        if (nonValutabile(decisione, passi)) {
            return new Valutazione.Indicatore(im.codice(), im.nome(), nonValutabile(decisione), null);
        }
        Conversione c = m.conversioneDi(im).orElseThrow();
        passi.add("conversione '" + c.id() + "' (" + c.tipo().nome() + ")");
        Valore misurato = Misure.al(im, di.rilevazioni(), al, passi);
        Optional<BigDecimal> convertito;
        if (c.tipo() == Conversione.Tipo.DATA_FASCE) {
            convertito = Conversioni.data(c, ((Valore.Data) di.atteso()).giorno(), misurato, al, passi);
        } else if (misurato == null) {
            passi.add("nessun valore rilevato per un periodo chiuso entro il " + g(al));
            convertito = Optional.empty();
        } else if (c.tipo() == Conversione.Tipo.SI_NO) {
            convertito = Optional.of(Conversioni.siNo(c, im, (Valore.SiNo) misurato, passi));
        } else {
            convertito = Conversioni.numero(c, im, ((Valore.Numero) misurato).valore(), numero(di.atteso()),
                    numero(di.annoPrecedente()), passi);
        }
        Esito.Stato stato = Esito.Stato.CALCOLATO;
        BigDecimal calcolato = null;
        if (convertito.isEmpty() && m.valoreMancanteOPredefinito() == MetodoSmvp.ValoreMancante.ESCLUSO) {
            passi.add("senza valore l'indicatore è escluso, come vuole il metodo: i pesi degli altri sono rinormalizzati");
            stato = Esito.Stato.MANCANTE;
        } else {
            BigDecimal x = convertito.orElseGet(() -> {
                passi.add("senza valore l'indicatore vale 0, come vuole il metodo");
                return BigDecimal.ZERO;
            });
            calcolato = Mappature.applica(m.mappaturaDi(im), x, passi);
        }
        Esito esito = decidi(calcolato, stato, passi, decisione);
        return new Valutazione.Indicatore(im.codice(), im.nome(), esito, colore(m, esito));
    }

    private static BigDecimal numero(Valore v) {
        return v instanceof Valore.Numero numero ? numero.valore() : null;
    }

    private static Valutazione.Fase fase(MetodoSmvp m, String obiettivo, DatiValutazione.Fase f,
                                         Map<String, Valutazione.Indicatore> indicatori, LocalDate al,
                                         DatiValutazione.Decisione decisione) {
        List<String> passi = new ArrayList<>();
        passi.add("fase " + f.numero() + (f.titolo() != null ? " «" + f.titolo() + "»" : "")
                + (f.finePrevista() != null ? ", fine prevista " + g(f.finePrevista()) : ""));
        f.rimodulazioni().forEach(r -> passi.add(Fasi.rimodulazione(r)));
        Optional<String> perIndicatore = indicatoreDellaFase(m, obiettivo, f.numero());
        Fasi.Punteggio regola = Fasi.valuta(m.fasi(), f, al, perIndicatore.isPresent() ? new ArrayList<>() : passi);
        if (nonValutabile(decisione, passi)) {
            return new Valutazione.Fase(f.numero(), f.titolo(), regola.tempestivita(), nonValutabile(decisione));
        }
        BigDecimal calcolato = regola.punti();
        Esito.Stato stato = Esito.Stato.CALCOLATO;
        if (perIndicatore.isPresent()) {
            Esito e = indicatori.get(perIndicatore.get()).esito();
            passi.add("valutata, come vuole il metodo, con l'indicatore " + perIndicatore.get() + ": "
                    + (e.punti() != null ? n(e.punti()) : "senza punteggio (" + esclusione(e) + ")"));
            calcolato = e.punti();
            stato = e.punti() != null ? Esito.Stato.CALCOLATO : e.stato() == Esito.Stato.MANCANTE ? Esito.Stato.MANCANTE
                    : Esito.Stato.NON_CALCOLABILE;
        }
        return new Valutazione.Fase(f.numero(), f.titolo(), regola.tempestivita(), decidi(calcolato, stato, passi, decisione));
    }

    private static boolean nonValutabile(DatiValutazione.Decisione d, List<String> passi) {
        if (d != null && d.tipo() == VoceSmvpDecisa.Tipo.NON_VALUTABILE) {
            passi.add("dichiarata non valutabile dal nucleo: «" + d.motivazione().testo() + "»; esclusa, i pesi delle altre voci"
                    + " sono rinormalizzati");
            return true;
        }
        return false;
    }

    private static Esito nonValutabile(DatiValutazione.Decisione d) {
        List<String> passi = new ArrayList<>();
        nonValutabile(d, passi);
        return new Esito(null, Esito.Stato.NON_VALUTABILE, null, d.motivazione().testo(), passi);
    }

    /** The computed score, or the nucleo's forced one beside it. */
    private static Esito decidi(BigDecimal calcolato, Esito.Stato stato, List<String> passi, DatiValutazione.Decisione d) {
        if (d != null && d.tipo() == VoceSmvpDecisa.Tipo.NON_VALUTABILE) {
            nonValutabile(d, passi);
            return new Esito(null, Esito.Stato.NON_VALUTABILE, calcolato, d.motivazione().testo(), passi);
        }
        if (d != null && d.tipo() == VoceSmvpDecisa.Tipo.FORZATURA) {
            BigDecimal forzato = Calcolo.punti(d.valore());
            passi.add("raggiungimento forzato dal nucleo a " + n(forzato) + ": «" + d.motivazione().testo() + "»; il valore calcolato ("
                    + (calcolato == null ? "nessuno" : n(calcolato)) + ") resta agli atti");
            return new Esito(forzato, Esito.Stato.FORZATO, calcolato, d.motivazione().testo(), passi);
        }
        return new Esito(calcolato, calcolato == null && stato == Esito.Stato.CALCOLATO ? Esito.Stato.NON_CALCOLABILE : stato,
                calcolato, null, passi);
    }

    private static String esclusione(Esito e) {
        return switch (e.stato()) {
            case NON_VALUTABILE -> "non valutabile: " + e.motivazione();
            case MANCANTE -> "valore mancante";
            case NON_CALCOLABILE -> "non calcolabile";
            default -> null;
        };
    }

    private static List<Aggregazioni.PesoObiettivo> pesiGruppo(List<Aggregazioni.Gruppo> gruppi, String settore, String ufficio) {
        return gruppi == null ? null : gruppi.stream()
                .filter(g -> g.settore().equals(settore) && (ufficio == null ? g.ufficio() == null : ufficio.equals(g.ufficio())))
                .findFirst().map(Aggregazioni.Gruppo::obiettivi).orElse(null);
    }

    private static BigDecimal pesoIn(List<Aggregazioni.PesoObiettivo> pesi, String obiettivo) {
        return pesi == null ? BigDecimal.ONE : pesi.stream().filter(p -> p.obiettivo().equals(obiettivo))
                .map(Aggregazioni.PesoObiettivo::peso).findFirst().orElse(BigDecimal.ZERO);
    }

    private static Valutazione.Aggregato aggregato(MetodoSmvp m, String settore, String ufficio, List<Valutazione.Obiettivo> obiettivi,
                                                   List<Aggregazioni.PesoObiettivo> pesi) {
        List<String> passi = new ArrayList<>();
        String cosa = ufficio != null ? "ufficio " + ufficio + " del settore " + settore : settore != null ? "settore " + settore : "ente";
        passi.add(cosa + ": " + (pesi != null ? "pesi degli obiettivi dal metodo (un obiettivo che non nomina pesa 0)"
                : "obiettivi di pari peso"));
        if (pesi != null) {
            pesi.stream().filter(p -> obiettivi.stream().noneMatch(o -> o.obiettivo().equals(p.obiettivo())))
                    .forEach(p -> passi.add("obiettivo " + p.obiettivo() + " pesato dal metodo ma assente: non conta"));
        }
        List<Ponderazione.Voce> voci = obiettivi.stream().map(o -> new Ponderazione.Voce("obiettivo " + o.obiettivo(),
                pesoIn(pesi, o.obiettivo()), o.esito().punti(), esclusione(o.esito()))).toList();
        Ponderazione.Media media = Ponderazione.media(cosa, voci, passi);
        Esito esito = new Esito(media.risultato(), media.risultato() == null ? Esito.Stato.NON_CALCOLABILE : Esito.Stato.CALCOLATO,
                media.risultato(), null, passi);
        return new Valutazione.Aggregato(settore, ufficio, media.quote(), esito, colore(m, esito));
    }

    private static List<Valutazione.Persona> persone(MetodoSmvp m, DatiValutazione dati, List<Valutazione.Obiettivo> obiettivi) {
        LocalDate inizio = LocalDate.of(m.anno(), 1, 1);
        LocalDate fine = LocalDate.of(m.anno(), 12, 31);
        Map<String, Map<String, Long>> giorni = new TreeMap<>();
        for (DatiValutazione.Assegnazione a : dati.assegnazioni()) {
            LocalDate dal = a.dal().isBefore(inizio) ? inizio : a.dal();
            LocalDate al = a.al().isAfter(fine) ? fine : a.al();
            long n = dal.isAfter(al) ? 0 : ChronoUnit.DAYS.between(dal, al) + 1;
            giorni.computeIfAbsent(a.persona(), k -> new LinkedHashMap<>()).merge(a.obiettivo(), n, Long::sum);
        }
        List<Aggregazioni.PesoObiettivo> pesiEnte = m.aggregazioni() == null ? null : m.aggregazioni().ente();
        List<Valutazione.Persona> persone = new ArrayList<>();
        giorni.forEach((persona, perObiettivo) -> {
            List<String> passi = new ArrayList<>();
            passi.add(persona + ": obiettivi pesati per i giorni di assegnazione nel " + m.anno() + " × il peso dell'obiettivo nell'ente"
                    + (pesiEnte == null ? " (pari per tutti: 1)" : ""));
            List<Ponderazione.Voce> voci = new ArrayList<>();
            perObiettivo.forEach((id, n) -> {
                Valutazione.Obiettivo o = obiettivi.stream().filter(x -> x.obiettivo().equals(id)).findFirst().orElseThrow();
                BigDecimal pesoEnte = pesoIn(pesiEnte, id);
                BigDecimal peso = pesoEnte.multiply(BigDecimal.valueOf(n));
                passi.add("obiettivo " + id + ": " + n + " giorni × peso " + n(pesoEnte) + " = " + n(peso));
                voci.add(new Ponderazione.Voce("obiettivo " + id, peso, o.esito().punti(), esclusione(o.esito())));
            });
            Ponderazione.Media media = Ponderazione.media("valutazione di " + persona, voci, passi);
            persone.add(new Valutazione.Persona(persona, media.quote(), new Esito(media.risultato(),
                    media.risultato() == null ? Esito.Stato.NON_CALCOLABILE : Esito.Stato.CALCOLATO, media.risultato(), null, passi)));
        });
        return persone;
    }

    /** The colour band of a score; null when it has none. */
    static FasciaColore.Colore colore(MetodoSmvp m, Esito esito) {
        if (esito.punti() == null) {
            return null;
        }
        List<Fascia> fasce = m.fasceColore().stream().map(f -> Fascia.fissa(f.da(), f.a(), BigDecimal.ZERO)).toList();
        return m.fasceColore().get(Fasce.indice(fasce, esito.punti())).colore();
    }
}
