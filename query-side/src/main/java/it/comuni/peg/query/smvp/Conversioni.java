package it.comuni.peg.query.smvp;

import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.smvp.Conversione;
import it.comuni.peg.api.smvp.IndicatoreMetodo;
import it.comuni.peg.api.smvp.Soglie;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static it.comuni.peg.query.smvp.Calcolo.CENTO;
import static it.comuni.peg.query.smvp.Calcolo.g;
import static it.comuni.peg.query.smvp.Calcolo.n;

/**
 * Each {@link Conversione} kind as a function of the measured value; the formulas are those of
 * {@link Conversione}'s docstring. Empty when the value cannot be converted (a reference that is
 * missing, a deviation in percent from 0, a date not yet due): the caller then applies the method's
 * rule for missing values. Each step goes to {@code passi}.
 */
final class Conversioni {

    private Conversioni() {
    }

    /**
     * A numeric kind. {@code atteso} and {@code annoPrecedente} are the numbers the data give (either
     * may be null; the input check makes sure the target is there when the kind measures against it).
     */
    static Optional<BigDecimal> numero(Conversione c, IndicatoreMetodo ind, BigDecimal a, BigDecimal atteso,
                                       BigDecimal annoPrecedente, List<String> passi) {
        Direzione d = ind.direzione();
        boolean precedente = c.riferimento() == Conversione.Riferimento.ANNO_PRECEDENTE;
        BigDecimal r = precedente ? annoPrecedente : atteso;
        String nomeR = precedente ? "valore dell'anno precedente" : "obiettivo";
        switch (c.tipo()) {
            case PERCENTUALE_OBIETTIVO, COEFFICIENTE, SCOSTAMENTO_PERCENTUALE, SCOSTAMENTO_VALORE -> {
                if (r == null) {
                    passi.add("manca il " + nomeR + ": la conversione '" + c.id() + "' non si può applicare");
                    return Optional.empty();
                }
                passi.add("rilevato " + n(a) + ", " + nomeR + " " + n(r) + ", " + (d == Direzione.CRESCENTE
                        ? "più alto è meglio" : "più basso è meglio"));
                if (c.tipo() == Conversione.Tipo.SCOSTAMENTO_VALORE) {
                    BigDecimal s = Calcolo.punti(d == Direzione.CRESCENTE ? a.subtract(r) : r.subtract(a));
                    passi.add("scostamento in valore: " + (d == Direzione.CRESCENTE ? n(a) + " − " + n(r) : n(r) + " − " + n(a))
                            + " = " + n(s));
                    return Optional.of(s);
                }
                if (c.tipo() == Conversione.Tipo.SCOSTAMENTO_PERCENTUALE) {
                    if (r.signum() == 0) {
                        if (a.signum() == 0) {
                            passi.add("rilevato pari al " + nomeR + " 0: scostamento 0");
                            return Optional.of(Calcolo.punti(BigDecimal.ZERO));
                        }
                        passi.add("lo scostamento in percentuale da un " + nomeR + " pari a 0 non è definito");
                        return Optional.empty();
                    }
                    BigDecimal diff = d == Direzione.CRESCENTE ? a.subtract(r) : r.subtract(a);
                    BigDecimal s = Calcolo.punti(Calcolo.dividi(diff, r.abs()).multiply(CENTO));
                    passi.add("scostamento in percentuale: " + (d == Direzione.CRESCENTE ? "(" + n(a) + " − " + n(r) + ")"
                            : "(" + n(r) + " − " + n(a) + ")") + " / " + n(r.abs()) + " × 100 = " + n(s));
                    return Optional.of(s);
                }
                BigDecimal p = percentuale(c, d, a, r, nomeR, passi);
                if (c.tipo() == Conversione.Tipo.COEFFICIENTE) {
                    BigDecimal k = p.divide(CENTO);
                    passi.add("coefficiente: " + n(p) + " / 100 = " + n(k));
                    return Optional.of(k);
                }
                return Optional.of(p);
            }
            case AVANZAMENTO -> {
                if (annoPrecedente == null) {
                    passi.add("manca il valore dell'anno precedente: l'avanzamento non si può calcolare");
                    return Optional.empty();
                }
                passi.add("rilevato " + n(a) + ", anno precedente " + n(annoPrecedente) + ", obiettivo " + n(atteso));
                if (atteso.compareTo(annoPrecedente) == 0) {
                    boolean raggiunto = d == Direzione.CRESCENTE ? a.compareTo(atteso) >= 0 : a.compareTo(atteso) <= 0;
                    passi.add("obiettivo pari al valore dell'anno precedente: " + (raggiunto ? "raggiunto, 100" : "non raggiunto, 0"));
                    return Optional.of(Calcolo.punti(raggiunto ? CENTO : BigDecimal.ZERO));
                }
                BigDecimal p = Calcolo.punti(Calcolo.dividi(a.subtract(annoPrecedente), atteso.subtract(annoPrecedente)).multiply(CENTO));
                passi.add("avanzamento: (" + n(a) + " − " + n(annoPrecedente) + ") / (" + n(atteso) + " − " + n(annoPrecedente)
                        + ") × 100 = " + n(p));
                return Optional.of(p);
            }
            case SOGLIE -> {
                return Optional.of(soglie(c, ind.soglie(), d, a, passi));
            }
            default -> throw new IllegalArgumentException("Conversione non numerica: " + c.tipo());
        }
    }

    /** Progress as a percentage of the reference, GZOOM's way (see {@link Conversione}). */
    private static BigDecimal percentuale(Conversione c, Direzione d, BigDecimal a, BigDecimal r, String nomeR, List<String> passi) {
        if (r.signum() == 0) {
            boolean rispettata = d == Direzione.CRESCENTE ? a.signum() >= 0 : a.signum() <= 0;
            passi.add(nomeR + " pari a 0: " + (rispettata ? "direzione rispettata (rilevato " + n(a)
                    + (d == Direzione.CRESCENTE ? " ≥ 0), 100" : " ≤ 0), 100") : "direzione non rispettata, 0"));
            return Calcolo.punti(rispettata ? CENTO : BigDecimal.ZERO);
        }
        boolean rapporto = d == Direzione.DECRESCENTE && c.formulaDecrescente() == Conversione.FormulaDecrescente.RAPPORTO;
        if (rapporto && r.signum() > 0) {
            if (a.signum() <= 0) {
                passi.add("rilevato " + n(a) + ": il rapporto " + nomeR + " / rilevato non è definito; con un valore nullo o negativo"
                        + " l'obiettivo è pienamente raggiunto: 100");
                return Calcolo.punti(CENTO);
            }
            BigDecimal p = Calcolo.punti(Calcolo.dividi(r, a).multiply(CENTO));
            passi.add(nomeR + " / rilevato × 100: " + n(r) + " / " + n(a) + " × 100 = " + n(p));
            return p;
        }
        if (rapporto) {
            passi.add(nomeR + " negativo: il rapporto non ha senso, si applica lo scarto");
        }
        BigDecimal p;
        if (d == Direzione.CRESCENTE) {
            if (r.signum() > 0) {
                p = Calcolo.punti(Calcolo.dividi(a, r).multiply(CENTO));
                passi.add("rilevato / " + nomeR + " × 100: " + n(a) + " / " + n(r) + " × 100 = " + n(p));
            } else {
                p = Calcolo.punti(CENTO.add(Calcolo.dividi(a.subtract(r), r.abs()).multiply(CENTO)));
                passi.add(nomeR + " negativo, si divide per il suo valore assoluto: 100 + (" + n(a) + " − (" + n(r) + ")) / "
                        + n(r.abs()) + " × 100 = " + n(p));
            }
        } else if (r.signum() > 0) {
            p = Calcolo.punti(Calcolo.dividi(r.multiply(BigDecimal.valueOf(2)).subtract(a), r).multiply(CENTO));
            passi.add("(2 × " + nomeR + " − rilevato) / " + nomeR + " × 100: (2 × " + n(r) + " − " + n(a) + ") / " + n(r)
                    + " × 100 = " + n(p));
        } else {
            p = Calcolo.punti(CENTO.add(Calcolo.dividi(r.subtract(a), r.abs()).multiply(CENTO)));
            passi.add(nomeR + " negativo, si divide per il suo valore assoluto: 100 + (" + n(r) + " − " + n(a) + ") / "
                    + n(r.abs()) + " × 100 = " + n(p));
        }
        return p;
    }

    /**
     * Thresholds: a lower-is-better indicator is scored on the values turned in sign, so that one rule
     * serves both directions; the ratios of differences, and so the explanation's numbers, are the same.
     */
    private static BigDecimal soglie(Conversione c, Soglie s, Direzione d, BigDecimal a, List<String> passi) {
        int verso = d == Direzione.CRESCENTE ? 1 : -1;
        BigDecimal x = a.multiply(BigDecimal.valueOf(verso));
        BigDecimal min = s.minimo().multiply(BigDecimal.valueOf(verso));
        BigDecimal t = s.obiettivo().multiply(BigDecimal.valueOf(verso));
        BigDecimal max = s.massimo().multiply(BigDecimal.valueOf(verso));
        BigDecimal ecc = s.eccellenza() == null ? null : s.eccellenza().multiply(BigDecimal.valueOf(verso));
        passi.add("rilevato " + n(a) + "; soglie minimo " + n(s.minimo()) + ", obiettivo " + n(s.obiettivo()) + ", massimo "
                + n(s.massimo()) + (ecc == null ? "" : ", eccellenza " + n(s.eccellenza())) + " ("
                + (d == Direzione.CRESCENTE ? "più alto è meglio" : "più basso è meglio") + ")");
        BigDecimal p;
        if (x.compareTo(min) < 0) {
            p = Calcolo.punti(c.sottoMinimo() == null ? BigDecimal.ZERO : c.sottoMinimo());
            passi.add("oltre la soglia minima dalla parte sbagliata: valore convenuto " + n(p));
        } else if (x.compareTo(t) < 0) {
            p = tratto(BigDecimal.ZERO, x, min, t);
            passi.add("tra minimo e obiettivo, da 0 a 100: (" + n(a) + " − " + n(s.minimo()) + ") / (" + n(s.obiettivo()) + " − "
                    + n(s.minimo()) + ") × 100 = " + n(p));
        } else if (x.compareTo(max) < 0) {
            p = tratto(CENTO, x, t, max);
            passi.add("tra obiettivo e massimo, da 100 a 200: 100 + (" + n(a) + " − " + n(s.obiettivo()) + ") / (" + n(s.massimo())
                    + " − " + n(s.obiettivo()) + ") × 100 = " + n(p));
        } else if (ecc != null && x.compareTo(ecc) < 0) {
            p = tratto(BigDecimal.valueOf(200), x, max, ecc);
            passi.add("tra massimo ed eccellenza, da 200 a 300: 200 + (" + n(a) + " − " + n(s.massimo()) + ") / ("
                    + n(s.eccellenza()) + " − " + n(s.massimo()) + ") × 100 = " + n(p));
        } else {
            p = Calcolo.punti(BigDecimal.valueOf(ecc == null ? 200 : 300));
            passi.add("raggiunta la soglia " + (ecc == null ? "massima" : "di eccellenza") + ": tetto " + n(p));
        }
        return p;
    }

    /** {@code base} + 100 × the share of the way from {@code xDa} to {@code xFino} that {@code x} has gone. */
    private static BigDecimal tratto(BigDecimal base, BigDecimal x, BigDecimal xDa, BigDecimal xFino) {
        return Calcolo.punti(base.add(Calcolo.dividi(x.subtract(xDa), xFino.subtract(xDa)).multiply(CENTO)));
    }

    /**
     * A date against its target: days late (+) or early (−) through the conversion's bands. With no
     * date recorded, a target already past counts the days from it to {@code al} as delay; one not yet
     * due leaves the indicator without a value.
     */
    static Optional<BigDecimal> data(Conversione c, LocalDate atteso, Valore misurato, LocalDate al, List<String> passi) {
        long giorni;
        if (misurato instanceof Valore.Data rilevata) {
            giorni = ChronoUnit.DAYS.between(atteso, rilevata.giorno());
            passi.add("data rilevata " + g(rilevata.giorno()) + ", attesa " + g(atteso) + ": " + ritardo(giorni));
        } else if (al.isAfter(atteso)) {
            giorni = ChronoUnit.DAYS.between(atteso, al);
            passi.add("nessuna data rilevata al " + g(al) + " e termine del " + g(atteso) + " superato: " + giorni
                    + " giorni di ritardo finora");
        } else {
            passi.add("nessuna data rilevata al " + g(al) + ", termine del " + g(atteso) + " non ancora scaduto");
            return Optional.empty();
        }
        return Optional.of(Fasce.valore(c.fasce(), BigDecimal.valueOf(giorni), "giorni di ritardo", passi));
    }

    private static String ritardo(long giorni) {
        if (giorni > 0) {
            return giorni + " giorni di ritardo";
        }
        return giorni == 0 ? "nel giorno atteso (0 giorni di ritardo)" : -giorni + " giorni di anticipo (" + giorni + " giorni di ritardo)";
    }

    /** A yes/no: the expected answer is yes when higher is better, no when lower is. */
    static BigDecimal siNo(Conversione c, IndicatoreMetodo ind, Valore.SiNo misurato, List<String> passi) {
        boolean atteso = ind.direzione() == Direzione.CRESCENTE;
        BigDecimal si = c.valoreSi() == null ? CENTO : c.valoreSi();
        BigDecimal no = c.valoreNo() == null ? BigDecimal.ZERO : c.valoreNo();
        boolean raggiunto = misurato.si() == atteso;
        BigDecimal p = Calcolo.punti(raggiunto ? si : no);
        passi.add("risposta " + (misurato.si() ? "sì" : "no") + ", attesa " + (atteso ? "sì" : "no") + ": " + n(p));
        return p;
    }
}
