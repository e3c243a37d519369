package it.comuni.peg.query.smvp;

import it.comuni.peg.api.valutazione.VoceSmvpDecisa;

import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.smvp.Conversione;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.smvp.Fascia;
import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.api.smvp.IndicatoreMetodo;
import it.comuni.peg.api.smvp.Mappatura;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.smvp.Periodicita;
import it.comuni.peg.api.smvp.RegoleFasi;
import it.comuni.peg.api.smvp.Soglie;
import it.comuni.peg.api.smvp.TipoIndicatore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static it.comuni.peg.query.smvp.ProvaSmvp.FINE_ANNO;
import static it.comuni.peg.query.smvp.ProvaSmvp.anno;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over random methods and objectives. jqwik 1.10 runs on JUnit Platform 1.x and this build
 * runs Platform 6, so the generator is a seeded {@link Random} loop: a failure names its seed and
 * iteration, and re-runs the same way.
 */
class ProprietaSmvpTest {

    private static final long SEME = 20240630L;
    private static final int GIRI = 400;
    private static final BigDecimal TOLLERANZA = new BigDecimal("0.01");

    @Test
    void scoresStayWithinTheirMappedRangeAndExclusionsKeepTheOthersRelativeWeights() {
        Random r = new Random(SEME);
        int confronti = 0;
        for (int giro = 0; giro < GIRI; giro++) {
            String dove = "seme " + SEME + ", giro " + giro;
            MetodoSmvp metodo = metodo(r);
            assertThat(DocumentoMetodo.verifica(metodo)).as(dove).isEmpty();
            List<DatiValutazione.Obiettivo> obiettivi = new ArrayList<>();
            int quanti = 1 + r.nextInt(4);
            for (int i = 0; i < quanti; i++) {
                obiettivi.add(obiettivo(r, metodo, "OB" + i));
            }
            List<DatiValutazione.Decisione> decisioni = new ArrayList<>();
            for (DatiValutazione.Obiettivo o : obiettivi) {
                for (DatiValutazione.Indicatore ind : o.indicatori()) {
                    if (r.nextInt(6) == 0) {
                        decisioni.add(ProvaSmvp.nonValutabile(o.obiettivo(), VoceSmvpDecisa.Voce.INDICATORE, ind.codice()));
                    }
                }
            }
            Valutazione v = MotoreSmvp.valuta(metodo, new DatiValutazione(FINE_ANNO, obiettivi, null, decisioni));
            for (Valutazione.Obiettivo o : v.obiettivi()) {
                controllaObiettivo(metodo, o, dove);
            }
            List<BigDecimal> gradi = v.obiettivi().stream().map(o -> o.esito().punti()).filter(p -> p != null).toList();
            if (!gradi.isEmpty()) {
                assertThat(v.ente().esito().punti()).as(dove + ": ente")
                        .isBetween(min(gradi).subtract(TOLLERANZA), max(gradi).add(TOLLERANZA));
            }
            confronti += escludiUnoEConfronta(metodo, obiettivi, decisioni, v, r, dove) ? 1 : 0;
        }
        // the generator must reach the exclusion often enough for the second property to mean something
        assertThat(confronti).isGreaterThan(GIRI / 10);
    }

    /** Each indicator within its mapping's range; the objective within its mapping's, and within its items when taken as is. */
    private static void controllaObiettivo(MetodoSmvp metodo, Valutazione.Obiettivo o, String dove) {
        List<BigDecimal> voci = new ArrayList<>();
        for (Valutazione.Indicatore i : o.indicatori()) {
            if (i.esito().punti() != null) {
                BigDecimal[] intervallo = Mappature.intervallo(metodo.mappaturaDi(metodo.indicatore(i.codice()).orElseThrow()));
                assertThat(Mappature.contiene(intervallo, i.esito().punti()))
                        .as(dove + ": " + i.codice() + " = " + i.esito().punti() + " fuori da " + Mappature.descrivi(intervallo)).isTrue();
                voci.add(i.esito().punti());
            }
        }
        o.fasi().stream().map(f -> f.esito().punti()).filter(p -> p != null).forEach(p -> {
            assertThat(p).as(dove + ": fase").isBetween(BigDecimal.ZERO, Calcolo.CENTO);
            voci.add(p);
        });
        if (o.esito().punti() == null) {
            return;
        }
        assertThat(Mappature.contiene(Mappature.intervallo(metodo.mappaturaObiettivoOPredefinita()), o.esito().punti()))
                .as(dove + ": obiettivo " + o.obiettivo()).isTrue();
        if (metodo.mappaturaObiettivoOPredefinita().tipo() == Mappatura.Tipo.COSI_COME) {
            assertThat(o.esito().punti()).as(dove + ": obiettivo " + o.obiettivo() + " tra le sue voci " + voci)
                    .isBetween(min(voci).subtract(TOLLERANZA), max(voci).add(TOLLERANZA));
        }
    }

    /**
     * One more indicator of one objective declared non valutabile: among the indicators that still
     * count, every effective weight is the given weight over the same total, so any two keep their ratio.
     */
    private static boolean escludiUnoEConfronta(MetodoSmvp metodo, List<DatiValutazione.Obiettivo> obiettivi,
                                             List<DatiValutazione.Decisione> decisioni, Valutazione prima, Random r, String dove) {
        Valutazione.Obiettivo o = prima.obiettivi().get(r.nextInt(prima.obiettivi().size()));
        List<Quota> contano = o.quoteIndicatori().stream().filter(q -> q.pesoEffettivo() != null).toList();
        if (contano.size() < 3) {
            return false;
        }
        Quota esclusa = contano.get(r.nextInt(contano.size()));
        List<DatiValutazione.Decisione> piu = new ArrayList<>(decisioni);
        piu.add(ProvaSmvp.nonValutabile(o.obiettivo(), VoceSmvpDecisa.Voce.INDICATORE, esclusa.voce().substring("indicatore ".length())));
        Valutazione dopo = MotoreSmvp.valuta(metodo, new DatiValutazione(FINE_ANNO, obiettivi, null, piu));
        Map<String, Quota> quoteDopo = new java.util.HashMap<>();
        dopo.obiettivo(o.obiettivo()).quoteIndicatori().forEach(q -> quoteDopo.put(q.voce(), q));
        assertThat(quoteDopo.get(esclusa.voce()).pesoEffettivo()).as(dove).isNull();
        List<Quota> restano = contano.stream().filter(q -> !q.voce().equals(esclusa.voce())).toList();
        for (Quota j : restano) {
            for (Quota k : restano) {
                BigDecimal pj = quoteDopo.get(j.voce()).pesoEffettivo();
                BigDecimal pk = quoteDopo.get(k.voce()).pesoEffettivo();
                if (pj == null || pk == null) {
                    continue;
                }
                // pj / pk = wj / wk, and as before the exclusion: pj × wk = pk × wj, and j.pEff × k.pEff' = k.pEff × j.pEff'
                assertThat(pj.multiply(k.peso()).subtract(pk.multiply(j.peso())).abs()).as(dove + ": " + j.voce() + " / " + k.voce())
                        .isLessThan(new BigDecimal("1e-12"));
                assertThat(j.pesoEffettivo().multiply(pk).subtract(k.pesoEffettivo().multiply(pj)).abs()).as(dove)
                        .isLessThan(new BigDecimal("1e-12"));
            }
        }
        BigDecimal somma = restano.stream().map(q -> quoteDopo.get(q.voce()).pesoEffettivo()).filter(p -> p != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (somma.signum() != 0) {
            assertThat(somma.subtract(BigDecimal.ONE).abs()).as(dove + ": i pesi effettivi sommano a 1").isLessThan(new BigDecimal("1e-12"));
        }
        return true;
    }

    private static MetodoSmvp metodo(Random r) {
        List<IndicatoreMetodo> indicatori = new ArrayList<>();
        int quanti = 3 + r.nextInt(4);
        for (int i = 0; i < quanti; i++) {
            Direzione d = r.nextBoolean() ? Direzione.CRESCENTE : Direzione.DECRESCENTE;
            boolean soglie = r.nextInt(3) == 0;
            Soglie s = null;
            if (soglie) {
                int min = r.nextInt(50);
                int t = min + 1 + r.nextInt(30);
                int max = t + 1 + r.nextInt(30);
                s = d == Direzione.CRESCENTE ? new Soglie(bd(min), bd(t), bd(max), r.nextBoolean() ? bd(max + 10) : null)
                        : new Soglie(bd(max), bd(t), bd(min), null);
            }
            indicatori.add(new IndicatoreMetodo("I" + i, "Indicatore " + i, TipoIndicatore.NUMERO, null, d,
                    soglie ? "soglie" : "perc", null, null, s, r.nextBoolean() ? mappatura(r) : null));
        }
        BigDecimal pf = bd(r.nextInt(101));
        return new MetodoSmvp(MetodoSmvp.FORMATO, "c_b648", 2024, "Casuale", null, Periodicita.ANNO, pf, Calcolo.CENTO.subtract(pf),
                r.nextBoolean() ? MetodoSmvp.ValoreMancante.ZERO : MetodoSmvp.ValoreMancante.ESCLUSO,
                List.of(new Conversione("perc", Conversione.Tipo.PERCENTUALE_OBIETTIVO, null, null,
                                r.nextBoolean() ? Conversione.FormulaDecrescente.SCARTO : Conversione.FormulaDecrescente.RAPPORTO,
                                null, null, null, null),
                        Conversione.di("soglie", Conversione.Tipo.SOGLIE)),
                null, mappatura(r), r.nextBoolean() ? Mappatura.COSI_COME : Mappatura.tetto(bd(100)),
                List.of(new FasciaColore(bd(0), bd(34), FasciaColore.Colore.ROSSO, null),
                        new FasciaColore(bd(34), bd(74), FasciaColore.Colore.GIALLO, null),
                        new FasciaColore(bd(74), bd(100), FasciaColore.Colore.VERDE, null)),
                new RegoleFasi(r.nextInt(10), new BigDecimal(r.nextInt(11)).movePointLeft(1),
                        new RegoleFasi.Ritardo(RegoleFasi.Ritardo.Tipo.PER_MESE, bd(r.nextInt(30)), null)),
                indicatori, List.of(), null);
    }

    /** Clamp, cap (with a floor by clamp, since a cap alone is open below) or bands with fixed and proportional values. */
    private static Mappatura mappatura(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> {
                int lo = r.nextInt(50);
                yield Mappatura.limita(bd(lo), bd(lo + 50 + r.nextInt(100)));
            }
            case 1 -> Mappatura.limita(bd(0), bd(100 + r.nextInt(3) * 50));
            default -> {
                List<Fascia> fasce = new ArrayList<>();
                int da = 0;
                int bande = 1 + r.nextInt(4);
                for (int i = 0; i < bande; i++) {
                    int a = da + 10 + r.nextInt(60);
                    boolean prop = r.nextBoolean();
                    fasce.add(new Fascia(i == 0 ? null : bd(da), i == bande - 1 ? null : bd(a), bd(r.nextInt(121)),
                            prop && i > 0 && i < bande - 1 ? Boolean.TRUE : null, prop && i > 0 && i < bande - 1 ? bd(r.nextInt(121)) : null));
                    da = a;
                }
                yield Mappatura.fasce(fasce);
            }
        };
    }

    private static DatiValutazione.Obiettivo obiettivo(Random r, MetodoSmvp metodo, String id) {
        List<DatiValutazione.Fase> fasi = new ArrayList<>();
        int nFasi = r.nextInt(4);
        for (int i = 1; i <= nFasi; i++) {
            LocalDate fine = LocalDate.of(2024, 1 + r.nextInt(12), 1 + r.nextInt(28));
            LocalDate completata = r.nextBoolean() ? fine.plusDays(r.nextInt(200) - 60) : null;
            fasi.add(new DatiValutazione.Fase(i, "Fase " + i, fine, completata, r.nextBoolean() ? r.nextInt(101) : null));
        }
        List<DatiValutazione.Indicatore> indicatori = new ArrayList<>();
        for (IndicatoreMetodo im : metodo.indicatori()) {
            if (r.nextInt(4) == 0) {
                continue;
            }
            BigDecimal peso = r.nextInt(5) == 0 ? BigDecimal.ZERO : bd(1 + r.nextInt(50));
            BigDecimal atteso = bd(r.nextInt(5) == 0 ? 0 : r.nextInt(200) - 20);
            List<DatiValutazione.Rilevazione> valori = r.nextInt(6) == 0 ? List.of()
                    : List.of(anno(new BigDecimal(r.nextInt(40000) - 5000).movePointLeft(2).toPlainString()));
            indicatori.add(new DatiValutazione.Indicatore(im.codice(), peso, Valore.numero(atteso.toPlainString()), null, valori));
        }
        boolean pesiPeg = r.nextBoolean();
        if (!pesiPeg) {
            indicatori = indicatori.stream().map(i -> new DatiValutazione.Indicatore(i.codice(), null, i.atteso(), null, i.rilevazioni()))
                    .toList();
        }
        return new DatiValutazione.Obiettivo(id, id, "S" + r.nextInt(2), null, null, null, fasi, indicatori);
    }

    private static BigDecimal bd(int n) {
        return BigDecimal.valueOf(n);
    }

    private static BigDecimal min(List<BigDecimal> l) {
        return l.stream().min(BigDecimal::compareTo).orElseThrow();
    }

    private static BigDecimal max(List<BigDecimal> l) {
        return l.stream().max(BigDecimal::compareTo).orElseThrow();
    }
}
