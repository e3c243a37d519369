package it.comuni.peg.command.importazione.stampa;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An objective while its lines are being read; {@link #chiudi()} settles numbers and marks. */
final class ObiettivoInLettura {

    /** STRICT: 31/02/2023 is refused, not quietly turned into 03/03/2023. */
    private static final DateTimeFormatter DATA = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern FORMA_DI_DATA = Pattern.compile("[0-9][0-9./-]*[0-9]");
    /** "1 - Titolo", "2 -Titolo", "3- Titolo", "1 Titolo": a number of at most two digits. */
    private static final Pattern NUMERO_FASE = Pattern.compile("(\\d{1,2})(?:\\s*-\\s*|\\s+)(\\S.*)");
    private static final int MESI = 12;

    private record FaseInLettura(int riga, Integer numeroStampato, String titolo, String descrizione,
                                 LocalDate inizio, LocalDate fine) {
    }

    private record RigaCronoprogramma(int riga, String titolo, List<Integer> previsti) {
    }

    final int riga;
    final Struttura settore;
    final Struttura ufficio;
    final String titolo;
    BigDecimal pesoIndicatori;
    BigDecimal pesoFasi;
    private final StringBuilder descrizione = new StringBuilder();
    RiferimentoStampato dupStrategico;
    RiferimentoStampato dupOperativo;
    final List<PersonaStampata> persone = new ArrayList<>();
    final List<FaseInLettura> fasi = new ArrayList<>();
    final List<RigaCronoprogramma> cronoprogramma = new ArrayList<>();
    final List<IndicatoreStampato> indicatori = new ArrayList<>();
    private final List<String> difetti = new ArrayList<>();
    private final List<Avviso> avvisi;

    ObiettivoInLettura(int riga, Struttura settore, Struttura ufficio, String titolo, List<Avviso> avvisi) {
        this.riga = riga;
        this.settore = settore;
        this.ufficio = ufficio;
        this.titolo = titolo;
        this.avvisi = avvisi;
    }

    void difetto(String motivo) {
        difetti.add(motivo);
    }

    void pesi(Riga riga) {
        Matcher m = LettoreStampaPeg.pesi().matcher(String.join(" ", riga.pulite));
        BigDecimal indicatori = m.find() ? LettoreStampaPeg.numero(m.group(1)) : null;
        BigDecimal fasi = indicatori != null ? LettoreStampaPeg.numero(m.group(2)) : null;
        if (indicatori == null || fasi == null) {
            difetto("riga " + riga.numero + ": pesi illeggibili (\"" + riga.estratto() + "\")");
            return;
        }
        pesoIndicatori = indicatori;
        pesoFasi = fasi;
    }

    /** Page breaks split a Descrizione into several labelled rows: the parts are joined by a space. */
    void descrizione(Riga riga) {
        String parte = riga.grezzoDa(1);
        if (parte.isEmpty()) {
            return;
        }
        if (!descrizione.isEmpty()) {
            avvisi.add(new Avviso(riga.numero, TipoAvviso.TABELLA_SPEZZATA,
                    "La descrizione prosegue dopo un'interruzione di pagina: le parti sono unite"));
            descrizione.append(' ');
        }
        descrizione.append(parte);
    }

    void persona(Riga riga) {
        List<String> c = riga.pulite;
        if (c.size() < 4 || !formaDiData(c.get(c.size() - 1)) || !formaDiData(c.get(c.size() - 2))) {
            difetto("riga " + riga.numero + ": persona illeggibile (\"" + riga.estratto() + "\")");
            return;
        }
        LocalDate inizio = data(riga, c.get(c.size() - 2));
        LocalDate fine = data(riga, c.get(c.size() - 1));
        String ruolo = Riga.unisci(c, 2, c.size() - 2);
        persone.add(new PersonaStampata(riga.numero, c.get(0), c.get(1), ruolo.isEmpty() ? null : ruolo, inizio, fine));
    }

    void fase(Riga riga) {
        List<String> c = riga.pulite;
        int dateInFondo = 0;
        while (dateInFondo < 2 && c.size() - dateInFondo > 1 && formaDiData(c.get(c.size() - 1 - dateInFondo))) {
            dateInFondo++;
        }
        LocalDate inizio = null;
        LocalDate fine = null;
        if (dateInFondo == 2) {
            inizio = data(riga, c.get(c.size() - 2));
            fine = data(riga, c.get(c.size() - 1));
        } else if (dateInFondo == 1) {
            difetto("riga " + riga.numero + ": la fase ha una sola data");
        } else {
            avvisi.add(new Avviso(riga.numero, TipoAvviso.FASE_SENZA_DATE, "La fase \"" + c.get(0) + "\" non ha date"));
        }
        // the description keeps its HTML: it is sanitized when served, not here
        String descrizioneFase = Riga.unisci(riga.grezze, 1, Math.max(1, ultimaCellaGrezza(riga) + 1 - dateInFondo));
        Matcher m = NUMERO_FASE.matcher(c.get(0));
        Integer numero = m.matches() ? Integer.valueOf(m.group(1)) : null;
        String titoloFase = m.matches() ? m.group(2).strip() : c.get(0);
        fasi.add(new FaseInLettura(riga.numero, numero, titoloFase,
                descrizioneFase.isEmpty() ? null : descrizioneFase, inizio, fine));
    }

    void cronoprogramma(Riga riga) {
        String tipo = riga.cella(1).toLowerCase(Locale.ITALIAN);
        List<Integer> marcati = new ArrayList<>();
        for (int mese = 1; mese <= MESI && mese + 1 < riga.grezze.size(); mese++) {
            if (!Riga.pulisci(riga.grezze.get(mese + 1)).isEmpty()) {
                marcati.add(mese);
            }
        }
        if (tipo.startsWith("previsto")) {
            if (tipo.contains("consuntivo") && !marcati.isEmpty()) {
                avvisi.add(new Avviso(riga.numero, TipoAvviso.CRONOPROGRAMMA_RIGHE_UNITE,
                        "Previsto e Consuntivo sono in una sola riga: i mesi marcati " + marcati + " sono presi come previsti"));
            }
            cronoprogramma.add(new RigaCronoprogramma(riga.numero, riga.etichetta(), marcati));
        } else if (tipo.startsWith("consuntivo")) {
            if (!marcati.isEmpty()) {
                avvisi.add(new Avviso(riga.numero, TipoAvviso.CONSUNTIVO_NON_IMPORTATO,
                        "Mesi marcati nel consuntivo " + marcati + ": il consuntivo si registra mese per mese, non si importa"));
            }
        } else {
            avvisi.add(new Avviso(riga.numero, TipoAvviso.RIGA_NON_RICONOSCIUTA, "Riga del cronoprogramma non riconosciuta: "
                    + riga.estratto()));
        }
    }

    void indicatore(Riga riga) {
        List<String> c = riga.pulite;
        indicatori.add(new IndicatoreStampato(riga.numero, c.get(0), c.size() > 1 ? c.get(1) : null,
                c.size() > 2 ? List.copyOf(c.subList(2, c.size())) : List.of()));
        avvisi.add(new Avviso(riga.numero, TipoAvviso.INDICATORE_NON_IMPORTATO, "Indicatore \"" + c.get(0)
                + "\": la stampa non ne dà direzione e peso, che la definizione di un indicatore richiede"));
    }

    /** The print ends inside this objective: fewer cronoprogramma rows than phases, or none at all. */
    boolean troncato() {
        return cronoprogramma.size() < Math.max(1, fasi.size());
    }

    ObiettivoStampato chiudi() {
        if (pesoIndicatori == null && difetti.stream().noneMatch(d -> d.contains("pesi"))) {
            difetto("mancano i pesi");
        }
        if (persone.isEmpty()) {
            avvisi.add(new Avviso(riga, TipoAvviso.OBIETTIVO_SENZA_PERSONE, "L'obiettivo \"" + titolo + "\" non ha persone assegnate"));
        }
        if (fasi.isEmpty()) {
            avvisi.add(new Avviso(riga, TipoAvviso.OBIETTIVO_SENZA_FASI, "L'obiettivo \"" + titolo + "\" non ha fasi"));
        }
        List<Integer> numeri = numera();
        List<List<Integer>> marche = marche();
        List<FaseStampata> fasiLette = new ArrayList<>();
        for (int k = 0; k < fasi.size(); k++) {
            FaseInLettura f = fasi.get(k);
            fasiLette.add(new FaseStampata(f.riga(), numeri.get(k), f.numeroStampato(), f.titolo(), f.descrizione(),
                    f.inizio(), f.fine(), marche.get(k)));
        }
        if (!difetti.isEmpty()) {
            avvisi.add(new Avviso(riga, TipoAvviso.OBIETTIVO_ILLEGGIBILE, "L'obiettivo \"" + titolo
                    + "\" non è importato: " + String.join("; ", difetti)));
        }
        return new ObiettivoStampato(riga, settore, ufficio, titolo, pesoIndicatori, pesoFasi,
                descrizione.isEmpty() ? null : descrizione.toString(), dupStrategico, dupOperativo, List.copyOf(persone),
                List.copyOf(fasiLette), List.copyOf(indicatori), List.copyOf(difetti));
    }

    /**
     * The command side wants numbers from 1, unique. A printed valid number is kept; a phase without
     * one takes its position, unless another phase prints that number; 0 or a repeated number takes
     * the next number after all the others, so that no printed number changes meaning.
     */
    private List<Integer> numera() {
        Set<Integer> stampati = new HashSet<>();
        Set<Integer> usati = new HashSet<>();
        List<Boolean> validi = new ArrayList<>();
        for (FaseInLettura f : fasi) {
            boolean valido = f.numeroStampato() != null && f.numeroStampato() >= 1 && stampati.add(f.numeroStampato());
            validi.add(valido);
        }
        usati.addAll(stampati);
        TreeSet<Integer> tutti = new TreeSet<>(stampati);
        List<Integer> numeri = new ArrayList<>();
        for (int k = 0; k < fasi.size(); k++) {
            FaseInLettura f = fasi.get(k);
            if (validi.get(k)) {
                numeri.add(f.numeroStampato());
                continue;
            }
            int numero;
            if (f.numeroStampato() == null) {
                numero = usati.contains(k + 1) ? prossimoLibero(usati, tutti) : k + 1;
                avvisi.add(new Avviso(f.riga(), TipoAvviso.FASE_SENZA_NUMERO,
                        "La fase \"" + f.titolo() + "\" non ha numero: diventa la fase " + numero));
            } else {
                numero = prossimoLibero(usati, tutti);
                avvisi.add(new Avviso(f.riga(), TipoAvviso.FASE_NUMERO_NON_VALIDO, "La fase \"" + f.titolo() + "\" ha il numero "
                        + f.numeroStampato() + (f.numeroStampato() < 1 ? ", non ammesso" : ", già usato") + ": diventa la fase " + numero));
            }
            usati.add(numero);
            tutti.add(numero);
            numeri.add(numero);
        }
        return numeri;
    }

    private static int prossimoLibero(Set<Integer> usati, TreeSet<Integer> tutti) {
        int numero = tutti.isEmpty() ? 1 : tutti.last() + 1;
        while (usati.contains(numero)) {
            numero++;
        }
        return numero;
    }

    /** Each Previsto row to its phase: by title, else by position (reported), else dropped (reported). */
    private List<List<Integer>> marche() {
        List<List<Integer>> marche = new ArrayList<>();
        fasi.forEach(f -> marche.add(List.of()));
        boolean[] abbinata = new boolean[fasi.size()];
        for (int r = 0; r < cronoprogramma.size(); r++) {
            RigaCronoprogramma crono = cronoprogramma.get(r);
            int k = perTitolo(crono.titolo(), abbinata);
            if (k < 0 && r < fasi.size() && !abbinata[r]) {
                k = r;
                avvisi.add(new Avviso(crono.riga(), TipoAvviso.CRONOPROGRAMMA_NON_CORRISPONDE, "La riga \"" + crono.titolo()
                        + "\" del cronoprogramma non ha il titolo di nessuna fase: abbinata per posizione alla fase \""
                        + fasi.get(k).titolo() + "\""));
            }
            if (k < 0) {
                avvisi.add(new Avviso(crono.riga(), TipoAvviso.CRONOPROGRAMMA_NON_CORRISPONDE, "La riga \"" + crono.titolo()
                        + "\" del cronoprogramma non corrisponde a nessuna fase"
                        + (crono.previsti().isEmpty() ? "" : ": i mesi marcati " + crono.previsti() + " non sono importati")));
                continue;
            }
            abbinata[k] = true;
            marche.set(k, List.copyOf(crono.previsti()));
        }
        return marche;
    }

    private int perTitolo(String titoloCrono, boolean[] abbinata) {
        String cercato = normalizza(titoloCrono);
        for (int k = 0; k < fasi.size(); k++) {
            FaseInLettura f = fasi.get(k);
            String stampato = f.numeroStampato() == null ? f.titolo() : f.numeroStampato() + " " + f.titolo();
            if (!abbinata[k] && normalizza(stampato).equals(cercato)) {
                return k;
            }
        }
        return -1;
    }

    private static String normalizza(String titolo) {
        return titolo.toLowerCase(Locale.ITALIAN).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private LocalDate data(Riga riga, String testo) {
        try {
            return LocalDate.parse(testo, DATA);
        } catch (DateTimeException e) {
            avvisi.add(new Avviso(riga.numero, TipoAvviso.DATA_NON_VALIDA, "La data \"" + testo + "\" non esiste"));
            difetto("riga " + riga.numero + ": data non valida \"" + testo + "\"");
            return null;
        }
    }

    private static boolean formaDiData(String testo) {
        return FORMA_DI_DATA.matcher(testo).matches() && testo.length() <= 10 && testo.length() >= 6;
    }

    private static int ultimaCellaGrezza(Riga riga) {
        int ultima = riga.grezze.size() - 1;
        while (ultima > 0 && riga.grezze.get(ultima).isBlank()) {
            ultima--;
        }
        return ultima;
    }
}
