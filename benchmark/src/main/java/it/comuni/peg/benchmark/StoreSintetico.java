package it.comuni.peg.benchmark;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Periodo;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.fase.FaseRimodulata;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.platform.axon.AxonConfig;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A national PEG year from a fixed seed: comuni × objectives × phases × monthly consuntivi, plus
 * rimodulazioni, indicators and their quarterly values, as the dirigenti of every comune would
 * record them. The year is the last complete one, so every fact lies in the past and every event
 * obeys the aggregate's rules (progress never decreasing, nothing after a completion): commands
 * sent later through the API are judged against a legal history.
 * <p>
 * Events come out month by month across all objectives, as they would be recorded, so an
 * objective's events are scattered over the whole store, not stored side by side.
 */
final class StoreSintetico {

    /** About 300,000 objectives over 7,900 comuni. */
    static final int OBIETTIVI_PER_COMUNE = 38;
    private static final int SETTORI_PER_COMUNE = 6;
    /** The objective timed by the as-of reads: 20 phases all year long, about 300 events. */
    static final int FASI_OBIETTIVO_GRANDE = 20;

    private final long seme;
    private final int anno;
    private final Instant limite;
    private final List<ObiettivoSintetico> obiettivi = new ArrayList<>();
    private final Random caso;

    StoreSintetico(long seme, long eventiVoluti, Instant adesso) {
        this.seme = seme;
        this.anno = ZonedDateTime.ofInstant(adesso, AxonConfig.FUSO_ORARIO).getYear() - 1;
        this.limite = adesso.minusSeconds(3600);
        this.caso = new Random(seme);
        long stima = 0;
        for (int n = 0; stima < eventiVoluti; n++) {
            ObiettivoSintetico o = pianifica(n);
            obiettivi.add(o);
            stima += eventiDi(o);
        }
    }

    int anno() {
        return anno;
    }

    List<ObiettivoSintetico> obiettivi() {
        return obiettivi;
    }

    ObiettivoSintetico grande() {
        return obiettivi.get(0);
    }

    int comuni() {
        return obiettivi.get(obiettivi.size() - 1).comune + 1;
    }

    static String codiceComune(int comune) {
        return "C%04d".formatted(comune + 1);
    }

    /** Step 0 is the adoption of the PEG (late January), steps 1..12 the consuntivi of each month. */
    static int passi() {
        return 13;
    }

    /** The events of objective {@code o} at step {@code passo}, in order, with the instant each was recorded. */
    List<EventoSintetico> eventi(ObiettivoSintetico o, int indice, int passo) {
        List<EventoSintetico> eventi = new ArrayList<>();
        ObiettivoId oid = ObiettivoId.di(o.id);
        Instant base = istantePasso(passo, o, indice);
        if (passo == 0) {
            String comune = codiceComune(o.comune);
            int settore = o.settore;
            String controllo = "controllo." + comune.toLowerCase();
            eventi.add(new EventoSintetico(new ObiettivoDefinito(oid, "Comune sintetico " + comune, anno,
                    "Obiettivo " + (indice % OBIETTIVI_PER_COMUNE + 1) + " del comune " + comune,
                    "<p>Obiettivo sintetico generato dal seme " + seme + ".</p><p>INDICATORI: tempi medi e pratiche evase.</p>",
                    new Settore("S" + settore, "Settore " + settore, o.dirigente),
                    new Ufficio("U" + settore + (indice % 3), "Ufficio " + settore + "." + (indice % 3), "PO " + comune + " U" + settore + (indice % 3)),
                    Peso.di(50.0), Peso.di(50.0), new RiferimentoDup("5.3", "Efficienza amministrativa"),
                    new RiferimentoDup("5.3.0" + (settore + 1), "Semplificazione dei procedimenti")), controllo, "CONTROLLO_GESTIONE", null));
            for (int p = 0; p < o.persone; p++) {
                eventi.add(new EventoSintetico(new PersonaAssegnata(oid, "DIPENDENTE " + comune + " " + ((indice * 7 + p) % 60),
                        p == 0 ? "Categoria D (Posizione Organizzativa)" : "Categoria C", p == 0 ? "Referente" : null,
                        LocalDate.of(anno, 1, 1), LocalDate.of(anno, 12, 31)), controllo, "CONTROLLO_GESTIONE", null));
            }
            for (int f = 1; f <= o.fasi; f++) {
                Pianificazione piano = o.piani[f - 1];
                eventi.add(new EventoSintetico(new FasePianificata(oid, f, "Fase " + f, "Attività della fase " + f,
                        piano.inizio(), piano.fine(), piano.mesiPrevisti(), false), controllo, "CONTROLLO_GESTIONE", null));
            }
            for (int i = 1; i <= o.indicatori; i++) {
                eventi.add(new EventoSintetico(new IndicatoreDefinito(oid, "I" + i, "Indicatore " + i, i % 2 == 0 ? "gg" : "n.",
                        BigDecimal.valueOf(i % 2 == 0 ? 30 : 100), i % 2 == 0 ? Direzione.DECRESCENTE : Direzione.CRESCENTE,
                        Peso.di(i == o.indicatori ? 100.0 - 30.0 * (o.indicatori - 1) : 30.0)), controllo, "CONTROLLO_GESTIONE", null));
            }
        } else {
            int mese = passo;
            Random r = ObiettivoSintetico.caso(seme, indice * 16L + mese);
            for (int f = 1; f <= o.fasi; f++) {
                int completata = o.completataNelMese[f - 1];
                if (completata != 0 && mese > completata) {
                    continue;
                }
                Pianificazione piano = o.piani[f - 1];
                int percentuale = avanzamento(piano, completata, mese);
                boolean svolta = mese >= piano.inizio().getMonthValue();
                eventi.add(dirigente(o, new ConsuntivoRegistrato(oid, f, YearMonth.of(anno, mese), svolta,
                        Percentuale.di(percentuale), svolta ? "Attività svolte nel mese" : null,
                        r.nextInt(4) == 0 ? "Determinazione n. " + (r.nextInt(900) + 100) : null)));
                if (completata == mese) {
                    eventi.add(dirigente(o, new FaseCompletata(oid, f,
                            YearMonth.of(anno, mese).atDay(20 + r.nextInt(8)), null)));
                }
            }
            boolean trimestre = mese % 3 == 0 || o == grande();
            for (int i = 1; i <= o.indicatori && trimestre; i++) {
                eventi.add(dirigente(o, new ValoreIndicatoreRegistrato(oid, "I" + i,
                        BigDecimal.valueOf(i % 2 == 0 ? 20 + r.nextInt(30) : r.nextInt(130)),
                        YearMonth.of(anno, mese).atEndOfMonth(), null)));
            }
            if (mese == 6 && o.rimodulato) {
                Pianificazione prima = o.piani[o.fasi - 1];
                LocalDate fine = LocalDate.of(anno, 12, 20);
                Pianificazione dopo = new Pianificazione(prima.inizio(), fine, new Periodo(prima.inizio(), fine).mesi());
                eventi.add(dirigente(o, new FaseRimodulata(oid, o.fasi, prima, dopo,
                        Motivazione.di("Chiusura anticipata per la scadenza del bilancio"))));
                o.piani[o.fasi - 1] = dopo;
            }
        }
        for (int k = 0; k < eventi.size(); k++) {
            Instant istante = base.plusMillis(k);
            eventi.set(k, eventi.get(k).alle(istante.isAfter(limite) ? limite : istante));
        }
        return eventi;
    }

    private static EventoSintetico dirigente(ObiettivoSintetico o, Object payload) {
        return new EventoSintetico(payload, o.utenteDirigente, "DIRIGENTE", o.dirigente);
    }

    /** Cumulative progress: 0 before the phase starts, linear within it, 100 when completed. */
    private static int avanzamento(Pianificazione piano, int completata, int mese) {
        if (completata == mese) {
            return 100;
        }
        int inizio = piano.inizio().getMonthValue();
        int fine = piano.fine().getMonthValue();
        if (mese < inizio) {
            return 0;
        }
        return Math.min(95, (mese - inizio + 1) * 90 / (fine - inizio + 1));
    }

    /**
     * PEG adopted on 27 January; the consuntivo of month m recorded in the first days of month m+1,
     * one objective in eight some twenty days late. Objectives spread over the day, events of one
     * objective a millisecond apart: per objective, time grows with the sequence number.
     */
    private Instant istantePasso(int passo, ObiettivoSintetico o, int indice) {
        ZonedDateTime giorno = passo == 0
                ? LocalDate.of(anno, 1, 27).atTime(8, 0).atZone(AxonConfig.FUSO_ORARIO)
                : YearMonth.of(anno, passo).plusMonths(1).atDay(o.ritardatario ? 23 : 3).atTime(8, 0).atZone(AxonConfig.FUSO_ORARIO);
        return giorno.toInstant().plusMillis((long) indice * 997 % (10L * 3600 * 1000) + indice % 1000);
    }

    private ObiettivoSintetico pianifica(int n) {
        Random r = ObiettivoSintetico.caso(seme, -1 - n);
        boolean grande = n == 0;
        int fasi = grande ? FASI_OBIETTIVO_GRANDE : 2 + r.nextInt(5);
        int indicatori = grande ? 3 : r.nextInt(4);
        Pianificazione[] piani = new Pianificazione[fasi];
        int[] completata = new int[fasi];
        for (int f = 0; f < fasi; f++) {
            int inizio = grande ? 1 : 1 + f * 12 / fasi;
            int fine = grande || f == fasi - 1 ? 12 : (f + 1) * 12 / fasi;
            LocalDate da = LocalDate.of(anno, inizio, 1);
            LocalDate a = YearMonth.of(anno, fine).atEndOfMonth();
            piani[f] = new Pianificazione(da, a, new Periodo(da, a).mesi());
            if (!grande && f < fasi - 1) {
                int esito = r.nextInt(20);
                // about 60% on time, 25% late, the rest never finished in the year
                completata[f] = esito < 12 ? fine : esito < 17 ? Math.min(11, fine + 1 + r.nextInt(2)) : 0;
            }
        }
        String id = new UUID(caso.nextLong(), caso.nextLong()).toString();
        return new ObiettivoSintetico(id, n / OBIETTIVI_PER_COMUNE, (n % OBIETTIVI_PER_COMUNE) % SETTORI_PER_COMUNE,
                fasi, indicatori, 1 + r.nextInt(3), !grande && r.nextInt(10) < 3, r.nextInt(8) == 0, piani, completata);
    }

    /** The number of events {@link #eventi} will produce for {@code o}, to size the store up front. */
    private static long eventiDi(ObiettivoSintetico o) {
        long n = 1 + o.persone + o.fasi + o.indicatori + (o.rimodulato ? 1 : 0);
        for (int f = 0; f < o.fasi; f++) {
            n += o.completataNelMese[f] == 0 ? 12 : o.completataNelMese[f] + 1;
        }
        n += (long) o.indicatori * (o.fasi == FASI_OBIETTIVO_GRANDE ? 12 : 4);
        return n;
    }
}
