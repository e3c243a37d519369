package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.asof.SchedaAlIstante;
import it.comuni.peg.query.organigramma.OrganigrammaQueries;
import it.comuni.peg.query.scheda.FiltroPeg;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaQueries;
import it.comuni.peg.query.scheda.SchedeNelPerimetro;
import it.comuni.peg.query.scheda.StatoAlGiorno;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Puts together the scheda, the method in force and the nucleo's acts, each as known at the right
 * instant, and hands them to the {@link Valutatore}. A closed act is evaluated on what was known
 * when it was recorded: replaying the events up to that instant gives the same result for ever.
 */
@Service
@Transactional(readOnly = true)
public class ValutazioneService {

    private final SchedaQueries schede;
    private final SchedaAlIstante alIstante;
    private final CicloAlIstante cicli;
    private final SchedeNelPerimetro nelPerimetro;
    private final OrganigrammaQueries organigramma;

    public ValutazioneService(SchedaQueries schede, SchedaAlIstante alIstante, CicloAlIstante cicli, SchedeNelPerimetro nelPerimetro,
                              OrganigrammaQueries organigramma) {
        this.nelPerimetro = nelPerimetro;
        this.organigramma = organigramma;
        this.schede = schede;
        this.alIstante = alIstante;
        this.cicli = cicli;
    }

    /**
     * @param live true to read the scheda from the projection (503 while it is being rebuilt) rather than replaying its stream
     * @throws NonTrovato for an objective that does not exist or is of an ente the user has no role in
     */
    public ValutazioneObiettivo obiettivo(String id, LocalDate al, Instant istante, boolean live) {
        Scheda scheda = scheda(id, istante, live);
        return valuta(scheda, al, istante, cicli.ciclo(scheda.ente(), scheda.anno(), istante));
    }

    /**
     * The scheda an evaluation starts from: the projection's ({@code live}) or its stream replayed up to
     * {@code istante}.
     *
     * @throws NonTrovato for an objective that does not exist or is of an ente the user has no role in
     */
    public Scheda scheda(String id, Instant istante, boolean live) {
        return nelPerimetro.scheda(id, istante, live)
                .orElseThrow(() -> new NonTrovato("Obiettivo " + id + " non trovato"));
    }

    /** Every objective of a PEG, from the projection ({@code live}, stato at the day of {@code istante}) or as of {@code istante}. */
    public List<Scheda> schede(String ente, int anno, Instant istante, boolean live) {
        FiltroPeg filtro = new FiltroPeg(ente, anno, null, null, null, null, null);
        return live ? schede.peg(filtro, Istanti.giornoDi(istante)) : alIstante.peg(filtro, istante);
    }

    public RiepilogoPeg peg(String ente, int anno, LocalDate al, Instant istante, boolean live) {
        List<Scheda> elenco = schede(ente, anno, istante, live);
        CicloNoto ciclo = cicli.ciclo(ente, anno, istante);
        LocalDate giorno = al != null ? al : Istanti.giornoDi(istante);
        List<RiepilogoPeg.Voce> voci = new ArrayList<>();
        for (Scheda s : elenco) {
            ValutazioneObiettivo v = valuta(s, al, istante, ciclo);
            voci.add(new RiepilogoPeg.Voce(s.id(), s.titolo(), s.settore().codice(),
                    s.ufficio() == null ? null : s.ufficio().codice(), v.punteggio().grado(), v.punteggio().provvisorio(),
                    v.punteggio().tempestivita(), v.origine(), StatoAlGiorno.statoObiettivo(s, giorno)));
        }
        voci.sort(Comparator.comparing(RiepilogoPeg.Voce::settore)
                .thenComparing(v -> v.ufficio() == null ? "" : v.ufficio())
                .thenComparing(RiepilogoPeg.Voce::titolo));
        List<RiepilogoPeg.Totale> settori = totali(voci, v -> v.settore() + "\u0000", false);
        List<RiepilogoPeg.Totale> uffici = totali(voci.stream().filter(v -> v.ufficio() != null).toList(),
                v -> v.settore() + "\u0000" + v.ufficio(), true);
        return new RiepilogoPeg(ente, anno, giorno, istante, voci.size(), media(voci), settori, uffici, voci);
    }

    /**
     * One person's basis in one ente's PEG: the objectives of that ente only, whatever other enti the
     * person appears in. The person is named by identificativo ({@code persona}: the assignments that
     * carry it) or, when {@code persona} is null, by name (every assignment under that name).
     *
     * @throws NonTrovato when {@code persona} names nobody of the ente's organigramma
     */
    public ValutazionePersona persona(String ente, String nome, String persona, int anno, LocalDate al, Instant istante,
                                      boolean live) {
        String identificativo = persona == null ? null : persona.strip().toUpperCase(Locale.ROOT);
        String etichetta = identificativo == null ? nome.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ITALIAN)
                : organigramma.nomePersona(ente, identificativo).orElseThrow(() ->
                        new NonTrovato("Persona " + identificativo + " non trovata nell'organigramma dell'ente " + ente));
        Predicate<Scheda.Persona> assegnata = identificativo == null ? p -> p.nome().equals(etichetta)
                : p -> identificativo.equals(p.persona());
        List<String> ids = identificativo == null ? schede.obiettiviDi(ente, etichetta, anno)
                : schede.obiettiviDiPersona(ente, identificativo, anno);
        LocalDate inizioAnno = LocalDate.of(anno, 1, 1);
        LocalDate fineAnno = LocalDate.of(anno, 12, 31);
        LocalDate giorno = al != null ? al : Istanti.giornoDi(istante);
        List<ValutazionePersona.Quota> quote = new ArrayList<>();
        for (String id : ids) {
            Optional<Scheda> scheda = live ? schede.scheda(id) : alIstante.scheda(id, istante);
            if (scheda.isEmpty()) {
                continue;
            }
            Scheda s = scheda.get();
            long giorni = s.persone().stream().filter(assegnata)
                    .flatMap(p -> p.periodi().stream())
                    .mapToLong(p -> giorniIn(p.inizio(), p.fine(), inizioAnno, fineAnno))
                    .sum();
            if (giorni == 0) {
                continue;
            }
            ValutazioneObiettivo v = valuta(s, al, istante, cicli.ciclo(s.ente(), s.anno(), istante));
            quote.add(new ValutazionePersona.Quota(s.id(), s.titolo(), giorni, null, v.punteggio().grado(), null));
        }
        return pesata(etichetta, identificativo, anno, giorno, istante, quote);
    }

    /** Every objective of a live PEG, evaluated at {@code al} (for publication), in the projection's order. */
    public List<ValutazioneObiettivo> obiettivi(String ente, int anno, LocalDate al, Instant istante) {
        FiltroPeg filtro = new FiltroPeg(ente, anno, null, null, null, null, null);
        CicloNoto ciclo = cicli.ciclo(ente, anno, istante);
        return schede.peg(filtro, Istanti.giornoDi(istante)).stream().map(s -> valuta(s, al, istante, ciclo)).toList();
    }

    /**
     * The basis of the individual evaluation of everyone assigned to an objective of one PEG (for
     * publication): each objective scored once, then weighted per person as {@link #persona} does. A
     * person is one by identificativo where the assignment has one (named as the organigramma holds it
     * now), by name otherwise; ordered by name, then identificativo.
     */
    public List<ValutazionePersona> persone(String ente, int anno, LocalDate al, Instant istante) {
        FiltroPeg filtro = new FiltroPeg(ente, anno, null, null, null, null, null);
        List<Scheda> elenco = schede.peg(filtro, Istanti.giornoDi(istante));
        CicloNoto ciclo = cicli.ciclo(ente, anno, istante);
        LocalDate giorno = al != null ? al : Istanti.giornoDi(istante);
        LocalDate inizioAnno = LocalDate.of(anno, 1, 1);
        LocalDate fineAnno = LocalDate.of(anno, 12, 31);
        // key: the identificativo, or the name for a person known by name only (the two kinds apart)
        Map<List<String>, List<ValutazionePersona.Quota>> perPersona = new LinkedHashMap<>();
        for (Scheda s : elenco) {
            BigDecimal grado = valuta(s, al, istante, ciclo).punteggio().grado();
            for (Scheda.Persona p : s.persone()) {
                long giorni = p.periodi().stream().mapToLong(x -> giorniIn(x.inizio(), x.fine(), inizioAnno, fineAnno)).sum();
                if (giorni > 0) {
                    perPersona.computeIfAbsent(p.persona() != null ? List.of("", p.persona()) : List.of(p.nome()),
                                    k -> new ArrayList<>())
                            .add(new ValutazionePersona.Quota(s.id(), s.titolo(), giorni, null, grado, null));
                }
            }
        }
        Map<String, String> nomi = organigramma.nomiPersone(ente, perPersona.keySet().stream()
                .filter(k -> k.size() == 2).map(k -> k.get(1)).toList());
        Map<String, String> nomiAssegnati = new java.util.HashMap<>();
        elenco.forEach(s -> s.persone().stream().filter(p -> p.persona() != null)
                .forEach(p -> nomiAssegnati.putIfAbsent(p.persona(), p.nome())));
        List<ValutazionePersona> risultato = new ArrayList<>();
        perPersona.forEach((k, quote) -> {
            String persona = k.size() == 2 ? k.get(1) : null;
            String nome = persona == null ? k.get(0) : nomi.getOrDefault(persona, nomiAssegnati.get(persona));
            risultato.add(pesata(nome, persona, anno, giorno, istante, quote));
        });
        risultato.sort(Comparator.comparing(ValutazionePersona::nome)
                .thenComparing(ValutazionePersona::persona, Comparator.nullsFirst(Comparator.naturalOrder())));
        return risultato;
    }

    private static ValutazionePersona pesata(String nome, String persona, int anno, LocalDate giorno, Instant istante,
                                             List<ValutazionePersona.Quota> quote) {
        long totale = quote.stream().mapToLong(ValutazionePersona.Quota::giorni).sum();
        List<ValutazionePersona.Quota> pesate = new ArrayList<>();
        BigDecimal somma = BigDecimal.ZERO;
        for (ValutazionePersona.Quota q : quote) {
            BigDecimal peso = BigDecimal.valueOf(q.giorni() * 100).divide(BigDecimal.valueOf(totale), 2, RoundingMode.HALF_UP);
            BigDecimal grado = q.grado() == null ? BigDecimal.ZERO : q.grado();
            BigDecimal contributo = grado.multiply(BigDecimal.valueOf(q.giorni()))
                    .divide(BigDecimal.valueOf(totale), 2, RoundingMode.HALF_UP);
            somma = somma.add(grado.multiply(BigDecimal.valueOf(q.giorni())));
            pesate.add(new ValutazionePersona.Quota(q.obiettivoId(), q.titolo(), q.giorni(), peso, q.grado(), contributo));
        }
        BigDecimal grado = totale == 0 ? null : somma.divide(BigDecimal.valueOf(totale), 2, RoundingMode.HALF_UP);
        String regola = totale == 0 ? "nessuna assegnazione nell'anno " + anno
                : "media dei gradi di raggiungimento pesata sui giorni di assegnazione nell'anno (" + totale + " giorni in tutto)";
        return new ValutazionePersona(nome, persona, anno, giorno, istante, totale, grado, regola, pesate);
    }

    private ValutazioneObiettivo valuta(Scheda scheda, LocalDate al, Instant istante, CicloNoto ciclo) {
        CicloNoto.Finale finale = ciclo.finali().get(scheda.id());
        if (finale != null && (al == null || !al.isBefore(finale.al()))) {
            Instant t = finale.registrataIl();
            Scheda allora = alIstante.scheda(scheda.id(), t).orElse(scheda);
            CicloNoto cicloAllora = cicli.ciclo(scheda.ente(), scheda.anno(), t);
            return risultato(allora, finale.al(), t, "VALUTAZIONE_FINALE", true, finale.motivazione(), cicloAllora,
                    Valutatore.valuta(allora, finale.al(), cicloAllora.parametri(), finale.valutazioneIndicatori()));
        }
        LocalDate giorno = al != null ? al : Istanti.giornoDi(istante);
        Optional<CicloNoto.Monitoraggio> monitoraggio = ciclo.monitoraggio(giorno);
        if (monitoraggio.isPresent()) {
            Instant t = monitoraggio.get().chiusoIl();
            Optional<Scheda> allora = alIstante.scheda(scheda.id(), t);
            if (allora.isPresent()) {
                CicloNoto cicloAllora = cicli.ciclo(scheda.ente(), scheda.anno(), t);
                return risultato(allora.get(), giorno, t, "MONITORAGGIO", false, null, cicloAllora,
                        Valutatore.valuta(allora.get(), giorno, cicloAllora.parametri(), null));
            }
        }
        return risultato(scheda, giorno, istante, "CALCOLATA", false, null, ciclo,
                Valutatore.valuta(scheda, giorno, ciclo.parametri(), null));
    }

    private static ValutazioneObiettivo risultato(Scheda s, LocalDate al, Instant notoAl, String origine, boolean definitiva,
                                                  String motivazione, CicloNoto ciclo, Punteggio punteggio) {
        ParametriValutazione parametri = ciclo.parametri();
        return new ValutazioneObiettivo(s.id(), s.titolo(), s.ente(), s.anno(), s.settore(), s.ufficio(), al, notoAl,
                origine, definitiva, motivazione, ciclo.versioneMetodo(), parametri, punteggio);
    }

    private static List<RiepilogoPeg.Totale> totali(List<RiepilogoPeg.Voce> voci, Function<RiepilogoPeg.Voce, String> chiave,
                                                    boolean perUfficio) {
        Map<String, List<RiepilogoPeg.Voce>> gruppi = new LinkedHashMap<>();
        voci.forEach(v -> gruppi.computeIfAbsent(chiave.apply(v), k -> new ArrayList<>()).add(v));
        return gruppi.values().stream().map(g -> {
            List<BigDecimal> gradi = g.stream().map(RiepilogoPeg.Voce::grado).filter(java.util.Objects::nonNull).toList();
            return new RiepilogoPeg.Totale(g.get(0).settore(), perUfficio ? g.get(0).ufficio() : null, g.size(),
                    (int) g.stream().filter(RiepilogoPeg.Voce::provvisorio).count(), media(g),
                    gradi.stream().min(BigDecimal::compareTo).orElse(null), gradi.stream().max(BigDecimal::compareTo).orElse(null));
        }).toList();
    }

    private static BigDecimal media(List<RiepilogoPeg.Voce> voci) {
        List<BigDecimal> gradi = voci.stream().map(RiepilogoPeg.Voce::grado).filter(java.util.Objects::nonNull).toList();
        return gradi.isEmpty() ? null : gradi.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(gradi.size()), 2, RoundingMode.HALF_UP);
    }

    private static long giorniIn(LocalDate inizio, LocalDate fine, LocalDate da, LocalDate a) {
        LocalDate i = inizio.isBefore(da) ? da : inizio;
        LocalDate f = fine.isAfter(a) ? a : fine;
        return f.isBefore(i) ? 0 : ChronoUnit.DAYS.between(i, f) + 1;
    }
}
