package it.comuni.peg.command.demo;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Periodo;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.fase.CompletaFase;
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.fase.RimodulaFase;
import it.comuni.peg.api.indicatore.DefinisciIndicatore;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.valutazione.ChiudiMonitoraggio;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.valutazione.ImpostaMetodoSmvp;
import it.comuni.peg.api.valutazione.ImpostaMetodoValutazione;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.api.valutazione.RegistraValutazione;
import it.comuni.peg.command.importazione.PianoObiettivo;
import it.comuni.peg.platform.axon.AxonConfig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A plausible year of a PEG, planned from a fixed seed over the objectives of the print: the same
 * seed gives the same year, act for act and instant for instant. Pure: it only plans, the runner
 * sends. Every act respects the aggregates' rules on the day it is dated (cumulative percentages,
 * consuntivi only for months that have begun, completions after the last month with work, the
 * objective's own dirigente), so the simulation goes through the same command path as a person.
 *
 * <p>The year: the PEG adopted at the end of January and the method set, the ente's SMVP in force from
 * 1 January among them; each month the dirigenti
 * record the consuntivo of the month before in its first days, some a month late; most phases end
 * on time, some late (half of those rimodulati first, with a motivazione), some are not finished by
 * December; a third of the objectives get measurable indicators, valued each quarter; the nucleo
 * closes the monitoraggio at 30/06 in mid-July and records the final evaluation of every objective
 * in February and March of the next year.
 */
final class AnnoSimulato {

    static final LocalTime ORA_IMPORTAZIONE = LocalTime.of(9, 30);
    /** The controllo di gestione, who imports and writes the plan. */
    static final Azione.Attore CONTROLLO = new Azione.Attore("simulazione:controllo", "CONTROLLO_GESTIONE", null);
    /** The nucleo di valutazione. */
    static final Azione.Attore NUCLEO = new Azione.Attore("simulazione:nucleo", "NUCLEO", null);

    private static final List<String> MOTIVAZIONI_RIMODULAZIONE = List.of(
            "Ritardo nella consegna degli elaborati da parte del professionista incaricato",
            "Variazione di bilancio approvata solo a metà anno: le risorse sono disponibili più tardi",
            "Carenza di personale nell'ufficio per un pensionamento non sostituito",
            "Parere della Soprintendenza arrivato oltre i termini previsti",
            "Proroga dei termini del bando PNRR: il cronoprogramma si allinea",
            "Gara andata deserta: necessaria una nuova procedura di affidamento");
    private static final List<Indicatore> CATALOGO = List.of(
            new Indicatore("TEMPI", "Rispetto del cronoprogramma", "%", new BigDecimal("100"), Direzione.CRESCENTE),
            new Indicatore("GG", "Giorni medi di conclusione dei procedimenti", "giorni", new BigDecimal("30"), Direzione.DECRESCENTE),
            new Indicatore("PRAT", "Pratiche concluse", "n.", new BigDecimal("120"), Direzione.CRESCENTE),
            new Indicatore("SODD", "Utenti soddisfatti nell'indagine di gradimento", "%", new BigDecimal("80"), Direzione.CRESCENTE));

    private record Indicatore(String codice, String nome, String unita, BigDecimal atteso, Direzione direzione) {
    }

    private final String ente;
    private final int anno;
    private final Function<String, String> persone;
    private final Random caso;
    private final MetodoSmvp smvp;
    private final List<Azione> azioni = new ArrayList<>();
    private long ordine;

    private AnnoSimulato(String ente, int anno, long seme, Function<String, String> persone, MetodoSmvp smvp) {
        this.persone = persone;
        this.smvp = smvp;
        this.ente = ente;
        this.anno = anno;
        this.caso = new Random(seme);
    }

    /**
     * The acts of the year after the import, in recording order. {@code persone} gives the identificativo
     * of the persona a printed name is in the ente's organigramma (null when none: that dirigente acts
     * without a persona, and is refused). {@code smvp}: the ente's evaluation method, which the nucleo records
     * with the PEG's other methods at the end of January, in force from 1 January ({@link #smvpDellEnte}).
     */
    static List<Azione> pianifica(List<PianoObiettivo> piani, String ente, int anno, long seme, Function<String, String> persone,
                                  MetodoSmvp smvp) {
        AnnoSimulato anno_ = new AnnoSimulato(ente, anno, seme, persone, smvp);
        anno_.pianifica(piani);
        List<Azione> ordinate = new ArrayList<>(anno_.azioni);
        ordinate.sort(Comparator.comparing(Azione::istante).thenComparingLong(Azione::ordine));
        return ordinate;
    }

    /**
     * An example SMVP as the demo's ente adopts it: its rules, conversions, bands and indicators as written, for
     * {@code ente} and {@code anno}, without the example's weights per objective and per settore, which name
     * objectives by illustrative identifiers that no objective of the import has; the ente's objectives then
     * weigh as the PEG weighs them, and the demo's own indicators are scored as the method scores any NUMERO.
     *
     * @param esempio a method as {@link it.comuni.peg.api.smvp.DocumentoMetodo#leggi} reads it
     *                (docs/smvp/esempio-gzoom.yaml, bundled in the jar)
     */
    static MetodoSmvp smvpDellEnte(MetodoSmvp esempio, String ente, int anno) {
        return new MetodoSmvp(esempio.formato(), ente, anno, esempio.titolo(), esempio.delibera(), esempio.periodoMisurazione(),
                esempio.pesoFasi(), esempio.pesoIndicatori(), esempio.valoreMancante(), esempio.conversioni(),
                esempio.conversioniPerTipo(), esempio.mappatura(), esempio.mappaturaObiettivo(), esempio.fasceColore(),
                esempio.fasi(), esempio.indicatori(), null, null);
    }

    /** When the import of the PEG itself is dated: the giunta adopts it at the end of January. */
    static Instant istanteImportazione(int anno) {
        return istante(LocalDate.of(anno, 1, 27), ORA_IMPORTAZIONE);
    }

    private void pianifica(List<PianoObiettivo> piani) {
        String ciclo = CicloValutazioneId.di(ente, anno);
        Azione.Attore controllo = CONTROLLO;
        Azione.Attore nucleo = NUCLEO;
        aggiungi(istante(LocalDate.of(anno, 1, 31), LocalTime.of(11, 0)), controllo, new ImpostaMetodoValutazione(ciclo, ente, anno,
                ParametriValutazione.PREDEFINITI, new Motivazione("Sistema di misurazione e valutazione della performance " + anno
                + " approvato dalla giunta")));
        aggiungi(istante(LocalDate.of(anno, 1, 31), LocalTime.of(11, 30)), nucleo, new ImpostaMetodoSmvp(ciclo, ente, anno,
                LocalDate.of(anno, 1, 1), smvp, null, new Motivazione("SMVP " + anno + " adottato con delibera di giunta, in vigore"
                + " dal 1° gennaio: il nucleo lo registra con il PEG")));

        List<Esito> esiti = new ArrayList<>();
        for (PianoObiettivo piano : piani) {
            esiti.add(obiettivo(piano, controllo));
        }

        aggiungi(istante(LocalDate.of(anno, 7, 14), LocalTime.of(10, 0)), nucleo, new ChiudiMonitoraggio(ciclo, ente, anno,
                LocalDate.of(anno, 6, 30), "Monitoraggio intermedio: verbale del nucleo di valutazione n. 3/" + anno));

        // the final evaluation: a few objectives per working day from mid-February of the next year
        LocalDate giorno = LocalDate.of(anno + 1, 2, 12);
        for (int i = 0; i < esiti.size(); i++) {
            Esito e = esiti.get(i);
            if (i > 0 && i % 4 == 0) {
                giorno = giornoLavorativo(giorno.plusDays(1));
            }
            Percentuale indicatori = e.conIndicatori ? null : new Percentuale(55 + caso.nextInt(46));
            aggiungi(istante(giorno, LocalTime.of(9 + i % 4 * 2, caso.nextInt(60))), nucleo, new RegistraValutazione(ciclo, ente, anno,
                    e.id, LocalDate.of(anno, 12, 31), indicatori, new Motivazione(motivazioneFinale(e))));
        }
    }

    /** What the year did to one objective, for the nucleo's motivazione. */
    record Esito(ObiettivoId id, boolean conIndicatori, int fasi, int inRitardo, int nonCompletate) {
    }

    private Esito obiettivo(PianoObiettivo piano, Azione.Attore controllo) {
        DefinisciObiettivo definizione = (DefinisciObiettivo) piano.comandi().get(0);
        ObiettivoId id = piano.id();
        Azione.Attore dirigente = dirigente(definizione);

        // the consuntivo of a month is recorded in the first days of the next one; one month in
        // eight the dirigente is late and records it together with the following month
        Instant[] registrazione = new Instant[13];
        for (int m = 1; m <= 12; m++) {
            LocalDate giorno = giornoLavorativo(YearMonth.of(anno, m).plusMonths(1).atDay(2 + caso.nextInt(7)));
            registrazione[m] = istante(giorno, LocalTime.of(8 + caso.nextInt(9), caso.nextInt(60)));
        }
        for (int m = 12; m >= 1; m--) {
            if (caso.nextInt(8) == 0) {
                registrazione[m] = m < 12 ? registrazione[m + 1].minusSeconds(60)
                        : istante(LocalDate.of(anno + 1, 1, 22 + caso.nextInt(6)), LocalTime.of(16, 0));
            }
        }

        int inRitardo = 0;
        int nonCompletate = 0;
        int fasi = 0;
        for (Object comando : piano.comandi()) {
            if (comando instanceof PianificaFase fase) {
                fasi++;
                switch (fase(id, fase, dirigente, registrazione)) {
                    case IN_RITARDO -> inRitardo++;
                    case NON_COMPLETATA -> nonCompletate++;
                    default -> { }
                }
            }
        }

        boolean conIndicatori = caso.nextInt(3) == 0;
        if (conIndicatori) {
            indicatori(id, controllo, dirigente);
        }
        return new Esito(id, conIndicatori, fasi, inRitardo, nonCompletate);
    }

    private enum Andamento { IN_TEMPO, IN_RITARDO, NON_COMPLETATA }

    private Andamento fase(ObiettivoId id, PianificaFase fase, Azione.Attore dirigente, Instant[] registrazione) {
        Periodo periodo = Periodo.facoltativo(fase.inizio(), fase.fine());
        List<YearMonth> previsti = fase.mesiPrevisti() != null && !fase.mesiPrevisti().isEmpty() ? fase.mesiPrevisti()
                : periodo == null ? List.of() : periodo.mesi();
        List<Integer> mesi = new ArrayList<>(previsti.stream().filter(m -> m.getYear() == anno).map(YearMonth::getMonthValue).toList());
        boolean oltreLAnno = previsti.stream().anyMatch(m -> m.getYear() > anno);
        if (mesi.isEmpty() && !previsti.isEmpty()) {
            return Andamento.NON_COMPLETATA; // planned wholly in another year: nothing to record in this one
        }
        if (mesi.isEmpty()) {
            // a phase without dates or marks: some months of work in the middle of the year
            int inizio = 3 + caso.nextInt(5);
            for (int m = inizio; m < inizio + 2 + caso.nextInt(4) && m <= 12; m++) {
                mesi.add(m);
            }
        }
        int ultimoPrevisto = mesi.get(mesi.size() - 1);
        double sorte = caso.nextDouble();
        Andamento andamento = oltreLAnno ? Andamento.NON_COMPLETATA
                : sorte < 0.6 ? Andamento.IN_TEMPO : sorte < 0.85 ? Andamento.IN_RITARDO : Andamento.NON_COMPLETATA;
        int finale = 100;
        if (andamento == Andamento.IN_RITARDO) {
            int ritardo = 1 + caso.nextInt(3);
            if (ultimoPrevisto + ritardo > 12) {
                andamento = Andamento.NON_COMPLETATA;
            } else {
                for (int k = 1; k <= ritardo; k++) {
                    mesi.add(ultimoPrevisto + k);
                }
                boolean fineNelMese = periodo != null && YearMonth.from(periodo.fine()).equals(YearMonth.of(anno, ultimoPrevisto));
                if (fineNelMese && caso.nextBoolean()) {
                    // asked for when the planned end comes near and the work is not done (never
                    // before the PEG exists: a phase planned to end in January is re-planned on the 30th)
                    LocalDate nuovaFine = YearMonth.of(anno, ultimoPrevisto + ritardo).atEndOfMonth();
                    LocalDate quando = giornoLavorativo(YearMonth.of(anno, ultimoPrevisto).atDay(18 + caso.nextInt(8)));
                    if (quando.isBefore(LocalDate.of(anno, 1, 30))) {
                        quando = LocalDate.of(anno, 1, 30);
                    }
                    aggiungi(istante(quando, LocalTime.of(12, caso.nextInt(60))), dirigente, new RimodulaFase(id, fase.numero(),
                            fase.inizio(), nuovaFine, null, new Motivazione(scegli(MOTIVAZIONI_RIMODULAZIONE))));
                }
            }
        }
        if (andamento == Andamento.NON_COMPLETATA) {
            finale = oltreLAnno ? 30 + caso.nextInt(50) : 40 + caso.nextInt(50);
        }

        // cumulative progress, rising to the final value in the last month of work
        int precedente = 0;
        for (int k = 0; k < mesi.size(); k++) {
            int mese = mesi.get(k);
            int obiettivo = (int) Math.round((double) finale * (k + 1) / mesi.size());
            int percentuale = k == mesi.size() - 1 ? finale
                    : Math.max(precedente, Math.min(finale - 1, obiettivo + caso.nextInt(11) - 5));
            precedente = percentuale;
            aggiungi(registrazione[mese], dirigente, new RegistraConsuntivo(id, fase.numero(), YearMonth.of(anno, mese), true,
                    new Percentuale(percentuale), nota(percentuale), null));
        }
        if (finale == 100) {
            int ultimo = mesi.get(mesi.size() - 1);
            YearMonth mese = YearMonth.of(anno, ultimo);
            int giorno = 5 + caso.nextInt(mese.lengthOfMonth() - 5);
            if (andamento == Andamento.IN_TEMPO && fase.fine() != null && YearMonth.from(fase.fine()).equals(mese)) {
                giorno = Math.min(giorno, fase.fine().getDayOfMonth());
            }
            aggiungi(registrazione[ultimo].plusSeconds(120), dirigente, new CompletaFase(id, fase.numero(), mese.atDay(giorno),
                    "Determinazione dirigenziale n. " + (100 + caso.nextInt(1800)) + "/" + anno));
        }
        return andamento;
    }

    /** Defined by the controllo di gestione after the adoption; valued by the dirigente every quarter. */
    private void indicatori(ObiettivoId id, Azione.Attore controllo, Azione.Attore dirigente) {
        int quanti = 1 + caso.nextInt(2);
        List<Indicatore> scelti = new ArrayList<>(CATALOGO);
        java.util.Collections.shuffle(scelti, caso);
        scelti = scelti.subList(0, quanti);
        Instant definizione = istante(LocalDate.of(anno, 2, 6), LocalTime.of(10, caso.nextInt(60)));
        for (int i = 0; i < scelti.size(); i++) {
            Indicatore ind = scelti.get(i);
            BigDecimal peso = quanti == 1 ? BigDecimal.valueOf(100) : BigDecimal.valueOf(i == 0 ? 60 : 40);
            aggiungi(definizione, controllo, new DefinisciIndicatore(id, ind.codice(), ind.nome(), ind.unita(), ind.atteso(),
                    ind.direzione(), new Peso(peso)));
            // where the year ends, relative to the target: most close to it, some short of it
            double esito = 0.6 + caso.nextDouble() * 0.5;
            for (int q = 1; q <= 4; q++) {
                LocalDate riferimento = YearMonth.of(anno, q * 3).atEndOfMonth();
                double quota = ind.direzione() == Direzione.CRESCENTE ? esito * q / 4 : 1 / esito + (4 - q) * 0.15;
                BigDecimal valore = ind.atteso().multiply(BigDecimal.valueOf(quota)).setScale(ind.unita().equals("n.") ? 0 : 1, RoundingMode.HALF_UP);
                LocalDate quando = giornoLavorativo(riferimento.plusDays(5 + caso.nextInt(12)));
                aggiungi(istante(quando, LocalTime.of(15, caso.nextInt(60))), dirigente, new RegistraValoreIndicatore(id, ind.codice(),
                        valore, riferimento, "Rilevazione del " + q + "° trimestre"));
            }
        }
    }

    /**
     * The settore's dirigente records progress; the ufficio's responsabile where the print names no
     * dirigente: the persona of the organigramma the printed name is, whose incarico the import recorded.
     */
    private Azione.Attore dirigente(DefinisciObiettivo d) {
        String settore = d.settore().responsabile();
        if (settore != null && !settore.isBlank()) {
            return new Azione.Attore("simulazione:" + settore.strip(), "DIRIGENTE", persone.apply(settore));
        }
        if (d.ufficio() != null && d.ufficio().responsabile() != null && !d.ufficio().responsabile().isBlank()) {
            String ufficio = d.ufficio().responsabile().strip();
            return new Azione.Attore("simulazione:" + ufficio, "RESPONSABILE_UFFICIO", persone.apply(ufficio));
        }
        return new Azione.Attore("simulazione", null, null);
    }

    /**
     * The nucleo's motivazione of an objective's final valutazione: "Obiettivo raggiunto…", or what was late or left
     * undone, nouns and participles agreeing with the count ("1 fase su 3 non conclusa", "2 fasi su 3 non concluse").
     */
    static String motivazioneFinale(Esito e) {
        if (e.inRitardo == 0 && e.nonCompletate == 0) {
            return e.fasi == 1 ? "Obiettivo raggiunto: l'unica fase conclusa nei tempi previsti"
                    : "Obiettivo raggiunto: tutte le " + e.fasi + " fasi concluse nei tempi previsti";
        }
        if (e.nonCompletate == 0) {
            return "Obiettivo raggiunto con ritardo: " + fasiSu(e.inRitardo, e.fasi) + " " + concluse(e.inRitardo)
                    + " oltre il termine previsto";
        }
        return "Obiettivo parzialmente raggiunto: " + fasiSu(e.nonCompletate, e.fasi) + " non " + concluse(e.nonCompletate)
                + " al 31/12" + (e.inRitardo > 0 ? ", " + e.inRitardo + " " + concluse(e.inRitardo) + " in ritardo" : "");
    }

    /** "1 fase su 3", "2 fasi su 3". */
    private static String fasiSu(int quante, int di) {
        return it.comuni.peg.api.comune.FormaItaliana.quanti(quante, "fase", "fasi") + " su " + di;
    }

    private static String concluse(int quante) {
        return quante == 1 ? "conclusa" : "concluse";
    }

    private String nota(int percentuale) {
        return percentuale == 100 ? "Attività conclusa" : percentuale < 30 ? "Attività avviata" : "Attività in corso";
    }

    private String scegli(List<String> testi) {
        return testi.get(caso.nextInt(testi.size()));
    }

    private void aggiungi(Instant istante, Azione.Attore attore, Object comando) {
        azioni.add(new Azione(istante, ordine++, attore, comando));
    }

    /** Offices record on working days: a Saturday or Sunday moves to the Monday. */
    private static LocalDate giornoLavorativo(LocalDate giorno) {
        return switch (giorno.getDayOfWeek()) {
            case SATURDAY -> giorno.plusDays(2);
            case SUNDAY -> giorno.plusDays(1);
            default -> giorno;
        };
    }

    private static Instant istante(LocalDate giorno, LocalTime ora) {
        return LocalDateTime.of(giorno, ora).atZone(AxonConfig.FUSO_ORARIO).toInstant();
    }
}
