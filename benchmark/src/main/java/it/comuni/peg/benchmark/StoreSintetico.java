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
import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.organigramma.IncaricoConferito;
import it.comuni.peg.api.organigramma.PersonaRegistrata;
import it.comuni.peg.api.organigramma.StrutturaIstituita;
import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.platform.axon.AxonConfig;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    static final int SETTORI_PER_COMUNE = 6;
    static final int UFFICI_PER_SETTORE = 3;
    /** The installation's administrator, who registers every ente. */
    private static final String AMMINISTRATORE = "amministratore";
    /** The member of the nucleo who reads the big objective as of past instants: NUCLEO in its ente. */
    static final String NUCLEO = "nucleo.benchmark";
    /** The events of one comune's {@link #organigramma}: the ente, its strutture, its dirigenti and their incarichi. */
    private static final int EVENTI_ORGANIGRAMMA = 1 + SETTORI_PER_COMUNE * (1 + UFFICI_PER_SETTORE) + 2 * SETTORI_PER_COMUNE;
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
            if (n % OBIETTIVI_PER_COMUNE == 0) {
                stima += EVENTI_ORGANIGRAMMA;
            }
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

    /** The comune's ente, by a codice IPA of the synthetic store: {@code c0001}, {@code c0002}, ... */
    static String codiceComune(int comune) {
        return "c%04d".formatted(comune + 1);
    }

    /** The name of the dirigente of a settore, upper case as the PEG prints it: {@code DIRIGENTE C0001 S1}. */
    static String nomeDirigente(int comune, int settore) {
        return "DIRIGENTE " + codiceComune(comune).toUpperCase(Locale.ROOT) + " S" + settore;
    }

    /** The dirigente's identificativo in the ente's organigramma (a matricola): {@code DIRC0001S1}. */
    static String identificativoDirigente(int comune, int settore) {
        return "DIR" + codiceComune(comune).toUpperCase(Locale.ROOT) + "S" + settore;
    }

    /** The dirigente's user name, the {@code preferred_username} of their token: {@code dir.c0001.s1}. */
    static String utenteDirigente(int comune, int settore) {
        return "dir." + codiceComune(comune) + ".s" + settore;
    }

    /** The user of the comune's controllo di gestione, who plans its objectives and keeps its organigramma. */
    static String utenteControllo(int comune) {
        return "controllo." + codiceComune(comune);
    }

    private static String codiceSettore(int settore) {
        return "S" + settore;
    }

    private static String codiceUfficio(int settore, int ufficio) {
        return "U" + settore + ufficio;
    }

    /**
     * The organigramma of comune {@code comune} as its stream opens the year (aggregate
     * {@code Organigramma}, id the ente's code), recorded on 2 January before anything else of the
     * comune: the ente registered by the installation's administrator, then, by its controllo di
     * gestione, its {@value #SETTORI_PER_COMUNE} settori and {@value #UFFICI_PER_SETTORE} uffici per
     * settore valid from 1 January, each settore's dirigente as a persona, and their incarichi of
     * titolare from 1 January, open-ended. The uffici stay vacant: their objectives' progress is
     * recorded by the settore's dirigente.
     */
    List<EventoSintetico> organigramma(int comune) {
        String ente = codiceComune(comune);
        LocalDate primo = LocalDate.of(anno, 1, 1);
        List<EventoSintetico> eventi = new ArrayList<>();
        eventi.add(new EventoSintetico(new EnteRegistrato(ente, "Comune sintetico " + ente, null, List.of()),
                ente, AMMINISTRATORE, Ruolo.AMMINISTRATORE.name(), null));
        for (int s = 0; s < SETTORI_PER_COMUNE; s++) {
            eventi.add(controllo(comune, new StrutturaIstituita(ente, codiceSettore(s), "Settore " + s, TipoStruttura.SETTORE, null,
                    primo, null)));
            for (int u = 0; u < UFFICI_PER_SETTORE; u++) {
                eventi.add(controllo(comune, new StrutturaIstituita(ente, codiceUfficio(s, u), "Ufficio " + s + "." + u,
                        TipoStruttura.UFFICIO, codiceSettore(s), primo, null)));
            }
        }
        for (int s = 0; s < SETTORI_PER_COMUNE; s++) {
            eventi.add(controllo(comune, new PersonaRegistrata(ente, identificativoDirigente(comune, s), nomeDirigente(comune, s))));
            eventi.add(controllo(comune, new IncaricoConferito(ente, "incarico-" + codiceSettore(s), codiceSettore(s),
                    identificativoDirigente(comune, s), TipoIncarico.TITOLARE, primo, null,
                    "Decreto del sindaco n. " + (s + 1) + "/" + anno)));
        }
        Instant base = LocalDate.of(anno, 1, 2).atTime(8, 0).atZone(AxonConfig.FUSO_ORARIO).toInstant()
                .plusMillis((long) comune * 997 % (10L * 3600 * 1000));
        for (int k = 0; k < eventi.size(); k++) {
            eventi.set(k, eventi.get(k).alle(base.plusMillis(k)));
        }
        return eventi;
    }

    /**
     * What the users acting in comune {@code comune} may do there (the table {@code accesso}): its
     * controllo di gestione, and each settore's dirigente as the persona holding the settore's incarico.
     */
    static Map<String, Accesso> accessi(int comune) {
        String ente = codiceComune(comune);
        Map<String, Accesso> accessi = new LinkedHashMap<>();
        accessi.put(utenteControllo(comune), new Accesso(ente, Ruolo.CONTROLLO_GESTIONE, null));
        for (int s = 0; s < SETTORI_PER_COMUNE; s++) {
            accessi.put(utenteDirigente(comune, s), new Accesso(ente, Ruolo.DIRIGENTE, identificativoDirigente(comune, s)));
        }
        return accessi;
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
            String ente = codiceComune(o.comune);
            String comune = ente.toUpperCase(Locale.ROOT);
            int settore = o.settore;
            int ufficio = indice % UFFICI_PER_SETTORE;
            eventi.add(controllo(o.comune, new ObiettivoDefinito(oid, ente, anno,
                    "Obiettivo " + (indice % OBIETTIVI_PER_COMUNE + 1) + " del comune " + comune,
                    "<p>Obiettivo sintetico generato dal seme " + seme + ".</p><p>INDICATORI: tempi medi e pratiche evase.</p>",
                    new Settore(codiceSettore(settore), "Settore " + settore, o.dirigente),
                    new Ufficio(codiceUfficio(settore, ufficio), "Ufficio " + settore + "." + ufficio,
                            "PO " + comune + " " + codiceUfficio(settore, ufficio)),
                    Peso.di(50.0), Peso.di(50.0), new RiferimentoDup("5.3", "Efficienza amministrativa"),
                    new RiferimentoDup("5.3.0" + (settore + 1), "Semplificazione dei procedimenti"))));
            for (int p = 0; p < o.persone; p++) {
                eventi.add(controllo(o.comune, new PersonaAssegnata(oid, "DIPENDENTE " + comune + " " + ((indice * 7 + p) % 60),
                        p == 0 ? "Categoria D (Posizione Organizzativa)" : "Categoria C", p == 0 ? "Referente" : null,
                        LocalDate.of(anno, 1, 1), LocalDate.of(anno, 12, 31))));
            }
            for (int f = 1; f <= o.fasi; f++) {
                Pianificazione piano = o.piani[f - 1];
                eventi.add(controllo(o.comune, new FasePianificata(oid, f, "Fase " + f, "Attività della fase " + f,
                        piano.inizio(), piano.fine(), piano.mesiPrevisti(), false)));
            }
            for (int i = 1; i <= o.indicatori; i++) {
                eventi.add(controllo(o.comune, new IndicatoreDefinito(oid, "I" + i, "Indicatore " + i, i % 2 == 0 ? "gg" : "n.",
                        BigDecimal.valueOf(i % 2 == 0 ? 30 : 100), i % 2 == 0 ? Direzione.DECRESCENTE : Direzione.CRESCENTE,
                        Peso.di(i == o.indicatori ? 100.0 - 30.0 * (o.indicatori - 1) : 30.0))));
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

    /** A fact recorded by the comune's controllo di gestione. */
    private static EventoSintetico controllo(int comune, Object payload) {
        return new EventoSintetico(payload, codiceComune(comune), utenteControllo(comune), Ruolo.CONTROLLO_GESTIONE.name(), null);
    }

    /** A fact recorded by the objective's dirigente, as the persona holding its settore's incarico. */
    private static EventoSintetico dirigente(ObiettivoSintetico o, Object payload) {
        return new EventoSintetico(payload, codiceComune(o.comune), o.utenteDirigente, Ruolo.DIRIGENTE.name(), o.identificativoDirigente);
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
