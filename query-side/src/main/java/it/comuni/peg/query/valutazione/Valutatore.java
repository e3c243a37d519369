package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.query.scheda.Scheda;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The ente's default method (DOMAIN.md, "Scoring"), as a pure function of a scheda, a date and the
 * parameters in force. Every number it returns comes with the sentence that explains it.
 * <ul>
 *     <li>phases weigh the same; one completed by its planned end (plus tolerance) scores 100, one
 *     completed late loses {@code penalitaMeseRitardo} per month or part of a month of delay, one not
 *     completed at the date scores its recorded percentage × {@code fattoreNonCompletata};</li>
 *     <li>an indicator scores rilevato/atteso (atteso/rilevato where lower is better) × 100,
 *     clamped to 0..100, with the last value whose reference date is not after the date;
 *     indicators weigh by their peso;</li>
 *     <li>an objective without indicators takes the nucleo's assessment as the indicators' score;</li>
 *     <li>grado = pesoFasi% × fasi + pesoIndicatori% × indicatori; a share that cannot be scored
 *     leaves the other one whole, and the result is marked provvisorio.</li>
 * </ul>
 */
public final class Valutatore {

    private static final BigDecimal CENTO = BigDecimal.valueOf(100);

    private Valutatore() {
    }

    public static Punteggio valuta(Scheda s, LocalDate al, ParametriValutazione p, Percentuale valutazioneNucleo) {
        List<Traccia.Fase> fasi = s.fasi().stream().map(f -> fase(f, al, p)).toList();
        List<Traccia.Indicatore> indicatori = s.indicatori().stream().map(i -> indicatore(i, al)).toList();

        BigDecimal punteggioFasi = fasi.isEmpty() ? null : media(fasi.stream().map(Traccia.Fase::punti).toList());
        BigDecimal punteggioIndicatori;
        String regolaIndicatori;
        if (!indicatori.isEmpty()) {
            BigDecimal pesi = indicatori.stream().map(Traccia.Indicatore::peso).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal somma = indicatori.stream().map(i -> i.peso().multiply(i.punti())).reduce(BigDecimal.ZERO, BigDecimal::add);
            punteggioIndicatori = somma.divide(pesi, 2, RoundingMode.HALF_UP);
            regolaIndicatori = "indicatori: media pesata sui pesi degli indicatori = " + n(punteggioIndicatori);
        } else if (valutazioneNucleo != null) {
            punteggioIndicatori = BigDecimal.valueOf(valutazioneNucleo.valore()).setScale(2, RoundingMode.HALF_UP);
            regolaIndicatori = "nessun indicatore strutturato: valutazione del nucleo " + valutazioneNucleo.valore() + "%";
        } else {
            punteggioIndicatori = null;
            regolaIndicatori = "nessun indicatore strutturato e nessuna valutazione del nucleo";
        }

        BigDecimal pf = s.pesoFasi().valore();
        BigDecimal pi = s.pesoIndicatori().valore();
        BigDecimal grado;
        String regola;
        boolean provvisorio = false;
        if (punteggioFasi != null && punteggioIndicatori != null) {
            grado = pf.multiply(punteggioFasi).add(pi.multiply(punteggioIndicatori)).divide(CENTO, 2, RoundingMode.HALF_UP);
            regola = n(pf) + "% × fasi " + n(punteggioFasi) + " + " + n(pi) + "% × indicatori " + n(punteggioIndicatori)
                    + " = " + n(grado) + "; " + regolaIndicatori;
        } else if (punteggioFasi != null) {
            grado = punteggioFasi;
            provvisorio = true;
            regola = regolaIndicatori + ": il punteggio delle fasi (" + n(punteggioFasi) + ") vale per intero, in via provvisoria";
        } else if (punteggioIndicatori != null) {
            grado = punteggioIndicatori;
            regola = "nessuna fase: vale il punteggio degli indicatori (" + n(punteggioIndicatori) + "); " + regolaIndicatori;
        } else {
            grado = null;
            provvisorio = true;
            regola = "né fasi né indicatori: grado di raggiungimento non calcolabile";
        }
        return new Punteggio(grado, punteggioFasi, punteggioIndicatori, pf, pi, regola, provvisorio,
                tempestivita(fasi), fasi, indicatori);
    }

    static Traccia.Fase fase(Scheda.Fase f, LocalDate al, ParametriValutazione p) {
        boolean rimodulata = f.rimodulazioni() > 0;
        if (f.completataIl() != null && !f.completataIl().isAfter(al)) {
            if (f.fine() == null) {
                return new Traccia.Fase(f.numero(), f.titolo(), f.inizio(), null, rimodulata, f.completataIl(), null, null,
                        null, Tempestivita.IN_LINEA, "completata il " + g(f.completataIl()) + ", fase senza fine prevista: 100 punti", cento());
            }
            LocalDate limite = f.fine().plusDays(p.tolleranzaGiorni());
            if (!f.completataIl().isAfter(limite)) {
                boolean anticipo = YearMonth.from(f.completataIl()).isBefore(YearMonth.from(f.fine()));
                return new Traccia.Fase(f.numero(), f.titolo(), f.inizio(), f.fine(), rimodulata, f.completataIl(), null, 0, 0,
                        anticipo ? Tempestivita.IN_ANTICIPO : Tempestivita.IN_LINEA,
                        "completata il " + g(f.completataIl()) + " entro la fine prevista " + g(f.fine())
                                + (p.tolleranzaGiorni() > 0 ? " (tolleranza " + p.tolleranzaGiorni() + " giorni)" : "") + ": 100 punti",
                        cento());
            }
            int giorni = (int) ChronoUnit.DAYS.between(f.fine(), f.completataIl());
            int mesi = (giorni + 29) / 30;
            BigDecimal punti = CENTO.subtract(p.penalitaMeseRitardo().multiply(BigDecimal.valueOf(mesi))).max(BigDecimal.ZERO)
                    .setScale(2, RoundingMode.HALF_UP);
            return new Traccia.Fase(f.numero(), f.titolo(), f.inizio(), f.fine(), rimodulata, f.completataIl(), null, giorni, mesi,
                    Tempestivita.IN_RITARDO, "completata il " + g(f.completataIl()) + ", " + giorni + " giorni dopo la fine prevista "
                    + g(f.fine()) + ": " + mesi + " mesi di ritardo × " + n(p.penalitaMeseRitardo()) + " punti = 100 − "
                    + n(CENTO.subtract(punti)) + " = " + n(punti) + " punti", punti);
        }
        int percentuale = f.consuntivi().stream()
                .filter(c -> !c.mese().isAfter(YearMonth.from(al)))
                .reduce((a, b) -> b)
                .map(c -> c.percentuale().valore())
                .orElse(0);
        BigDecimal punti = BigDecimal.valueOf(percentuale).multiply(p.fattoreNonCompletata()).setScale(2, RoundingMode.HALF_UP);
        boolean scaduta = f.fine() != null && f.fine().isBefore(al);
        return new Traccia.Fase(f.numero(), f.titolo(), f.inizio(), f.fine(), rimodulata, null, percentuale,
                scaduta ? (int) ChronoUnit.DAYS.between(f.fine(), al) : null, null,
                scaduta ? Tempestivita.IN_RITARDO : Tempestivita.IN_LINEA,
                "non completata al " + g(al) + (scaduta ? " (fine prevista " + g(f.fine()) + " superata)" : "")
                        + ": avanzamento rilevato " + percentuale + "% × " + n(p.fattoreNonCompletata()) + " = " + n(punti) + " punti",
                punti);
    }

    static Traccia.Indicatore indicatore(Scheda.Indicatore i, LocalDate al) {
        // a date value has no number: this plain valuation reads only numbers (the SMVP scores dates)
        Scheda.ValoreRilevato ultimo = i.valori().stream()
                .filter(v -> v.valore() != null && !v.dataRiferimento().isAfter(al))
                .reduce((a, b) -> b)
                .orElse(null);
        BigDecimal peso = i.peso().valore();
        if (ultimo == null) {
            return new Traccia.Indicatore(i.codice(), i.nome(), i.direzione(), i.valoreAtteso(), null, null, peso,
                    "nessun valore rilevato entro il " + g(al) + ": 0 punti", BigDecimal.ZERO.setScale(2));
        }
        BigDecimal v = ultimo.valore();
        BigDecimal atteso = i.valoreAtteso();
        BigDecimal punti;
        String formula;
        if (i.direzione() == Direzione.DECRESCENTE) {
            punti = v.signum() == 0 ? CENTO : atteso.multiply(CENTO).divide(v, 2, RoundingMode.HALF_UP);
            formula = "più basso è meglio: atteso " + n(atteso) + " / rilevato " + n(v) + " × 100";
        } else {
            punti = atteso.signum() == 0 ? CENTO : v.multiply(CENTO).divide(atteso, 2, RoundingMode.HALF_UP);
            formula = "più alto è meglio: rilevato " + n(v) + " / atteso " + n(atteso) + " × 100";
        }
        BigDecimal limitati = punti.max(BigDecimal.ZERO).min(CENTO).setScale(2, RoundingMode.HALF_UP);
        return new Traccia.Indicatore(i.codice(), i.nome(), i.direzione(), atteso, v, ultimo.dataRiferimento(), peso,
                formula + " = " + n(punti) + (limitati.compareTo(punti) != 0 ? ", limitato a " + n(limitati) : "") + " punti",
                limitati);
    }

    private static Tempestivita tempestivita(List<Traccia.Fase> fasi) {
        if (fasi.stream().anyMatch(f -> f.tempestivita() == Tempestivita.IN_RITARDO)) {
            return Tempestivita.IN_RITARDO;
        }
        if (!fasi.isEmpty() && fasi.stream().allMatch(f -> f.completataIl() != null)
                && fasi.stream().anyMatch(f -> f.tempestivita() == Tempestivita.IN_ANTICIPO)) {
            return Tempestivita.IN_ANTICIPO;
        }
        return Tempestivita.IN_LINEA;
    }

    private static BigDecimal media(List<BigDecimal> valori) {
        List<BigDecimal> lista = new ArrayList<>(valori);
        return lista.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(lista.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal cento() {
        return CENTO.setScale(2);
    }

    private static String n(BigDecimal b) {
        return FormaItaliana.numero(b);
    }

    private static String g(LocalDate d) {
        return FormaItaliana.data(d);
    }
}
