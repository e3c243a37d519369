package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.RegoleFasi;
import it.comuni.peg.query.valutazione.Tempestivita;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static it.comuni.peg.query.smvp.Calcolo.CENTO;
import static it.comuni.peg.query.smvp.Calcolo.g;
import static it.comuni.peg.query.smvp.Calcolo.n;

/** A phase scored by the method's {@link RegoleFasi}, with its timeliness. */
final class Fasi {

    /** The score and the timeliness of a phase. */
    record Punteggio(BigDecimal punti, Tempestivita tempestivita) {
    }

    private Fasi() {
    }

    static Punteggio valuta(RegoleFasi regole, DatiValutazione.Fase f, LocalDate al, List<String> passi) {
        if (f.completataIl() != null && !f.completataIl().isAfter(al)) {
            if (f.finePrevista() == null) {
                passi.add("completata il " + g(f.completataIl()) + ", senza fine prevista: 100");
                return new Punteggio(Calcolo.punti(CENTO), Tempestivita.IN_LINEA);
            }
            long giorni = ChronoUnit.DAYS.between(f.finePrevista(), f.completataIl());
            if (giorni <= regole.tolleranza()) {
                boolean anticipo = YearMonth.from(f.completataIl()).isBefore(YearMonth.from(f.finePrevista()));
                passi.add("completata il " + g(f.completataIl()) + " entro la fine prevista " + g(f.finePrevista())
                        + (regole.tolleranza() > 0 ? " con la tolleranza di " + regole.tolleranza() + " giorni" : "") + ": 100");
                return new Punteggio(Calcolo.punti(CENTO), anticipo ? Tempestivita.IN_ANTICIPO : Tempestivita.IN_LINEA);
            }
            passi.add("completata il " + g(f.completataIl()) + ", " + giorni + " giorni dopo la fine prevista " + g(f.finePrevista()));
            RegoleFasi.Ritardo r = regole.ritardo();
            BigDecimal punti;
            if (r.tipo() == RegoleFasi.Ritardo.Tipo.PER_MESE) {
                long mesi = (giorni + 29) / 30;
                BigDecimal lordo = CENTO.subtract(r.penalitaMese().multiply(BigDecimal.valueOf(mesi)));
                punti = Calcolo.punti(lordo.max(BigDecimal.ZERO));
                passi.add(mesi + " mesi di ritardo (ogni 30 giorni o frazione) × " + n(r.penalitaMese()) + " punti: 100 − "
                        + n(r.penalitaMese().multiply(BigDecimal.valueOf(mesi))) + " = " + n(lordo)
                        + (lordo.signum() < 0 ? ", non meno di 0: 0" : ""));
            } else {
                punti = Fasce.valore(r.fasce(), BigDecimal.valueOf(giorni), "giorni di ritardo", passi);
            }
            return new Punteggio(punti, Tempestivita.IN_RITARDO);
        }
        int percentuale = f.percentuale() == null ? 0 : f.percentuale();
        BigDecimal punti = Calcolo.punti(BigDecimal.valueOf(percentuale).multiply(regole.fattoreNonCompletata()));
        boolean scaduta = f.finePrevista() != null && f.finePrevista().isBefore(al);
        passi.add("non completata al " + g(al) + (scaduta ? " (fine prevista " + g(f.finePrevista()) + " superata)" : "")
                + ": avanzamento " + (f.percentuale() == null ? "non registrato, 0" : "registrato " + percentuale) + "% × "
                + n(regole.fattoreNonCompletata()) + " = " + n(punti));
        return new Punteggio(punti, scaduta ? Tempestivita.IN_RITARDO : Tempestivita.IN_LINEA);
    }

    /**
     * The step telling a rimodulazione: "rimodulata il 15/05/2023: prevista dal 01/02/2023 al 31/03/2023,
     * poi dal 01/02/2023 al 30/06/2023; motivazione: «…»" (a date not planned reads "non prevista").
     */
    static String rimodulazione(DatiValutazione.Rimodulazione r) {
        return "rimodulata" + (r.il() != null ? " il " + g(r.il()) : "") + ": prevista " + periodo(r.inizioPrima(), r.finePrima())
                + ", poi " + periodo(r.inizioDopo(), r.fineDopo())
                + (r.motivazione() != null ? "; motivazione: «" + r.motivazione() + "»" : "");
    }

    private static String periodo(LocalDate inizio, LocalDate fine) {
        return "dal " + (inizio != null ? g(inizio) : "(non prevista)") + " al " + (fine != null ? g(fine) : "(non prevista)");
    }
}
