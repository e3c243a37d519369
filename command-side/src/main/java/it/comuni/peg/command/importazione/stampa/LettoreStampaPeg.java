package it.comuni.peg.command.importazione.stampa;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Stampa Obiettivi PEG" converted to text into a {@link StampaPeg}. Pure JDK, no state
 * between calls: one instance per file.
 *
 * <p>The print is a sequence of headings (settore or ufficio: {@code CODICE - NOME}) each followed by
 * its "Responsabile" row, then objectives: labelled rows (Obiettivo PEG, Peso, Descrizione, DUP)
 * and four tables (Persona, Fase, Cronoprogramma, Indicatore). Page breaks split a Descrizione or a
 * table: a table goes on until another label or heading, blank lines and repeated headers included.
 * Whatever the reader cannot place is reported, never dropped silently.
 */
public final class LettoreStampaPeg {

    private static final Pattern INTESTAZIONE = Pattern.compile("([A-Z][A-Z0-9_]{1,19})\\s+-\\s+(\\S.*)");
    private static final Pattern PAGINA = Pattern.compile("\\d{1,4}");
    private static final Pattern PESI = Pattern.compile(
            "(?i)Peso indicatori\\s+(\\S+)\\s+Peso fasi\\s+(\\S+)");
    private static final Pattern DUP = Pattern.compile("(\\d+(?:\\.\\d+)*)\\s*-\\s*(.*)");

    private enum Sezione { NESSUNA, INDICE, PERSONE, FASI, CRONOPROGRAMMA, INDICATORI }

    private final List<Avviso> avvisi = new ArrayList<>();
    private final Indice indice = new Indice();
    private final Map<String, Struttura> settori = new LinkedHashMap<>();
    private final Map<String, Struttura> uffici = new LinkedHashMap<>();
    /** Objectives per settore code and per "settore|ufficio" pair, to find the empty ones. */
    private final Map<String, Integer> obiettiviPerSettore = new LinkedHashMap<>();
    private final Map<String, Integer> obiettiviPerUfficio = new LinkedHashMap<>();
    private final Map<String, Integer> rigaUfficioNelCorpo = new LinkedHashMap<>();
    private final List<ObiettivoStampato> obiettivi = new ArrayList<>();

    private List<Riga> righe;
    private Sezione sezione = Sezione.NESSUNA;
    private Struttura settore;
    private Struttura ufficio;
    private ObiettivoInLettura inCorso;
    private boolean rigaVuotaNellaSezione;
    private boolean prefazione = true;

    private LettoreStampaPeg() {
    }

    /** Reads a file as uploaded: refuses empty and binary content with {@link StampaNonLeggibile}. */
    public static StampaPeg leggi(byte[] contenuto) {
        Decodifica.Testo testo = Decodifica.decodifica(contenuto);
        LettoreStampaPeg lettore = new LettoreStampaPeg();
        if (!testo.utf8()) {
            lettore.avviso(1, TipoAvviso.CODIFICA_NON_UTF8, "Il file non è in UTF-8: letto come Windows-1252");
        }
        return lettore.analizza(testo.testo());
    }

    public static StampaPeg leggi(String testo) {
        if (testo == null || testo.isBlank()) {
            throw new StampaNonLeggibile(0, "Il file è vuoto");
        }
        return new LettoreStampaPeg().analizza(testo);
    }

    private StampaPeg analizza(String testo) {
        String[] linee = testo.split("\r\n|\r|\n", -1);
        righe = new ArrayList<>(linee.length);
        for (int i = 0; i < linee.length; i++) {
            righe.add(new Riga(i + 1, linee[i]));
        }
        for (int i = 0; i < righe.size(); i++) {
            i = leggiRiga(i);
        }
        chiudiObiettivo(true);
        if (obiettivi.isEmpty()) {
            throw new StampaNonLeggibile(1, "Il file non contiene nessun \"Obiettivo PEG\": non è una stampa degli obiettivi PEG");
        }
        segnalaStruttureVuote();
        if (!righe.isEmpty()) {
            segnalaFineDopoIntestazione();
        }
        avvisi.sort(Comparator.comparingInt(Avviso::riga));
        return new StampaPeg(List.copyOf(settori.values()), List.copyOf(uffici.values()), settoreDegliUffici(),
                List.copyOf(obiettivi), List.copyOf(avvisi));
    }

    /** Reads line {@code i}; returns the index of the last line consumed. */
    private int leggiRiga(int i) {
        Riga riga = righe.get(i);
        if (riga.vuota()) {
            rigaVuotaNellaSezione = true;
            return i;
        }
        if (riga.separatore()) {
            return i;
        }
        if (riga.etichettaE("Indice") && riga.unaSolaCella()) {
            chiudiObiettivo(false);
            sezione = Sezione.INDICE;
            return i;
        }
        if (sezione == Sezione.INDICE) {
            if (indice.leggi(riga)) {
                return i;
            }
            sezione = Sezione.NESSUNA;
        }
        Optional<Integer> intestazione = intestazione(i);
        if (intestazione.isPresent()) {
            return intestazione.get();
        }
        if (riga.etichettaE("Obiettivo PEG")) {
            chiudiObiettivo(false);
            nuovoObiettivo(riga);
            return i;
        }
        if (inCorso == null) {
            if (!prefazione) {
                avviso(riga.numero, TipoAvviso.RIGA_NON_RICONOSCIUTA, "Riga fuori da ogni obiettivo: " + riga.estratto());
            }
            return i;
        }
        leggiNellObiettivo(riga);
        return i;
    }

    private void leggiNellObiettivo(Riga riga) {
        String etichetta = riga.etichetta();
        if (etichetta.equalsIgnoreCase("Peso indicatori")) {
            inCorso.pesi(riga);
        } else if (etichetta.equalsIgnoreCase("Descrizione")) {
            inCorso.descrizione(riga);
        } else if (etichetta.equalsIgnoreCase("Obiettivo strategico DUP")) {
            inCorso.dupStrategico = dup(riga);
        } else if (etichetta.equalsIgnoreCase("Obiettivo operativo DUP")) {
            inCorso.dupOperativo = dup(riga);
        } else if (etichetta.equalsIgnoreCase("Persona") && riga.cella(1).equalsIgnoreCase("Categoria")) {
            entraInTabella(Sezione.PERSONE, riga, !inCorso.persone.isEmpty(), "persone");
        } else if (etichetta.equalsIgnoreCase("Fase") && riga.cella(1).equalsIgnoreCase("Descrizione fase")) {
            entraInTabella(Sezione.FASI, riga, !inCorso.fasi.isEmpty(), "fasi");
        } else if (etichetta.equalsIgnoreCase("Cronoprogramma")) {
            entraInTabella(Sezione.CRONOPROGRAMMA, riga, !inCorso.cronoprogramma.isEmpty(), "cronoprogramma");
        } else if (etichetta.equalsIgnoreCase("Indicatore")) {
            entraInTabella(Sezione.INDICATORI, riga, !inCorso.indicatori.isEmpty(), "indicatori");
        } else {
            leggiRigaDiTabella(riga);
        }
    }

    private void entraInTabella(Sezione nuova, Riga riga, boolean giaIniziata, String nome) {
        if (giaIniziata) {
            avviso(riga.numero, TipoAvviso.TABELLA_SPEZZATA, "La tabella " + nome + " riprende dopo un'interruzione di pagina");
        }
        sezione = nuova;
        rigaVuotaNellaSezione = false;
    }

    private void leggiRigaDiTabella(Riga riga) {
        boolean dopoInterruzione = rigaVuotaNellaSezione;
        rigaVuotaNellaSezione = false;
        switch (sezione) {
            case PERSONE -> inCorso.persona(riga);
            case FASI -> inCorso.fase(riga);
            case CRONOPROGRAMMA -> inCorso.cronoprogramma(riga);
            case INDICATORI -> inCorso.indicatore(riga);
            default -> {
                avviso(riga.numero, TipoAvviso.RIGA_NON_RICONOSCIUTA, "Riga non riconosciuta: " + riga.estratto());
                return;
            }
        }
        if (dopoInterruzione && sezione != Sezione.INDICATORI) {
            avviso(riga.numero, TipoAvviso.TABELLA_SPEZZATA,
                    "La tabella riprende dopo un'interruzione di pagina senza ripetere l'intestazione");
        }
    }

    // ---- headings: settori and uffici ----

    /**
     * A heading is a lone {@code CODICE - NOME} cell. Inside a table it could also be a phase title
     * that happens to look like one, so there it must be confirmed by its Responsabile row or by
     * the index. Returns the last line consumed, or empty when line {@code i} is no heading.
     */
    private Optional<Integer> intestazione(int i) {
        Riga riga = righe.get(i);
        Matcher m = INTESTAZIONE.matcher(riga.etichetta());
        if (!riga.unaSolaCella() || !m.matches()) {
            return Optional.empty();
        }
        String codice = m.group(1);
        String nome = m.group(2).strip();
        int j = prossimaRigaUtile(i + 1);
        Riga responsabili = j < righe.size() && righe.get(j).etichettaE("Responsabile settore") ? righe.get(j) : null;
        boolean notaAllIndice = indice.settore(codice, nome).isPresent() || indice.ufficio(codice, nome, null).isPresent();
        boolean inTabella = inCorso != null && sezione != Sezione.NESSUNA;
        if (responsabili == null && !notaAllIndice && inTabella) {
            return Optional.empty();
        }
        chiudiObiettivo(false);
        sezione = Sezione.NESSUNA;
        prefazione = false;
        boolean eUfficio;
        if (responsabili != null) {
            eUfficio = responsabili.pulite.stream().anyMatch(c -> c.equalsIgnoreCase("Responsabile ufficio"));
        } else {
            eUfficio = indice.settore(codice, nome).isEmpty() && (settore != null || indice.ufficio(codice, nome, null).isPresent());
            avviso(riga.numero, TipoAvviso.INTESTAZIONE_INCERTA, codice + " non è seguito dalla riga dei responsabili: considerato "
                    + (eUfficio ? "un ufficio" : "un settore"));
        }
        if (eUfficio) {
            apriUfficio(riga, codice, nome, responsabili);
        } else {
            apriSettore(riga, codice, nome, responsabili);
        }
        return Optional.of(responsabili != null ? j : i);
    }

    private int prossimaRigaUtile(int da) {
        int j = da;
        while (j < righe.size() && (righe.get(j).vuota() || righe.get(j).separatore())) {
            j++;
        }
        return j;
    }

    private void apriSettore(Riga riga, String codiceStampato, String nome, Riga responsabili) {
        String codice = codiceSecondoIndice(riga, "settore", codiceStampato, indice.settore(codiceStampato, nome));
        String responsabile = responsabile(responsabili, "Responsabile settore");
        if (responsabili != null && responsabile == null) {
            avviso(riga.numero, TipoAvviso.RESPONSABILE_MANCANTE, "Il settore " + codice + " non ha il responsabile");
        }
        settore = new Struttura(codice, nome, responsabile, riga.numero);
        settori.put(codice, settore);
        obiettiviPerSettore.putIfAbsent(codice, 0);
        ufficio = null;
    }

    private void apriUfficio(Riga riga, String codiceStampato, String nome, Riga responsabili) {
        String codiceSettore = settore == null ? null : settore.codice();
        String codice = codiceSecondoIndice(riga, "ufficio", codiceStampato, indice.ufficio(codiceStampato, nome, codiceSettore));
        String responsabile = responsabile(responsabili, "Responsabile ufficio");
        if (responsabili != null && responsabile == null) {
            avviso(riga.numero, TipoAvviso.RESPONSABILE_MANCANTE, "L'ufficio " + codice + " non ha il responsabile");
        }
        ufficio = new Struttura(codice, nome, responsabile, riga.numero);
        uffici.putIfAbsent(codice, ufficio);
        String coppia = codiceSettore + "|" + codice;
        obiettiviPerUfficio.putIfAbsent(coppia, 0);
        rigaUfficioNelCorpo.putIfAbsent(coppia, riga.numero);
        // the row of an ufficio also names its settore's responsabile: it completes a settore printed without one
        String responsabileSettore = responsabile(responsabili, "Responsabile settore");
        if (settore != null && settore.responsabile() == null && responsabileSettore != null) {
            settore = new Struttura(settore.codice(), settore.nome(), responsabileSettore, settore.riga());
            settori.put(settore.codice(), settore);
        }
    }

    /** The index spelling wins: it is the one list of the structure, the same across settori. */
    private String codiceSecondoIndice(Riga riga, String cosa, String codiceStampato, Optional<Indice.Voce> voce) {
        if (voce.isEmpty()) {
            if (!indice.vuoto()) {
                avviso(riga.numero, TipoAvviso.NON_NELL_INDICE, "L'indice non elenca " + cosa + " " + codiceStampato);
            }
            return codiceStampato;
        }
        String codice = voce.get().codice();
        if (!codice.equals(codiceStampato)) {
            avviso(riga.numero, TipoAvviso.CODICE_DIVERSO_DALL_INDICE, "Il codice " + cosa + " " + codiceStampato
                    + " è scritto " + codice + " nell'indice: si usa " + codice);
        }
        return codice;
    }

    /** The cell after the label, unless it is empty or the next label. */
    private static String responsabile(Riga riga, String etichetta) {
        if (riga == null) {
            return null;
        }
        for (int k = 0; k < riga.pulite.size(); k++) {
            if (riga.pulite.get(k).equalsIgnoreCase(etichetta)) {
                String valore = riga.cella(k + 1);
                return valore.isEmpty() || valore.toLowerCase().startsWith("responsabile ") ? null : valore;
            }
        }
        return null;
    }

    // ---- objectives ----

    private void nuovoObiettivo(Riga riga) {
        prefazione = false;
        sezione = Sezione.NESSUNA;
        inCorso = new ObiettivoInLettura(riga.numero, settore, ufficio, Riga.unisci(riga.pulite, 1, riga.pulite.size()), avvisi);
        if (settore == null) {
            inCorso.difetto("nessun settore precede l'obiettivo");
        }
        if (inCorso.titolo.isEmpty()) {
            inCorso.difetto("manca il titolo");
        }
    }

    private void chiudiObiettivo(boolean fineFile) {
        if (inCorso == null) {
            return;
        }
        if (fineFile && inCorso.troncato()) {
            avviso(inCorso.riga, TipoAvviso.STAMPA_TRONCATA, "Il file finisce dentro l'obiettivo \"" + inCorso.titolo
                    + "\": il cronoprogramma è incompleto");
            inCorso.difetto("il file finisce prima della fine dell'obiettivo");
        }
        ObiettivoStampato letto = inCorso.chiudi();
        obiettivi.add(letto);
        if (letto.settore() != null) {
            obiettiviPerSettore.merge(letto.settore().codice(), 1, Integer::sum);
            if (letto.ufficio() != null) {
                obiettiviPerUfficio.merge(letto.settore().codice() + "|" + letto.ufficio().codice(), 1, Integer::sum);
            }
        }
        inCorso = null;
        sezione = Sezione.NESSUNA;
    }

    private RiferimentoStampato dup(Riga riga) {
        String valore = Riga.unisci(riga.pulite, 1, riga.pulite.size());
        if (valore.isEmpty()) {
            return null;
        }
        Matcher m = DUP.matcher(valore);
        if (!m.matches()) {
            inCorso.difetto("riga " + riga.numero + ": collegamento al DUP senza codice (\"" + valore + "\")");
            return null;
        }
        String titolo = m.group(2).strip();
        return new RiferimentoStampato(m.group(1), titolo.isEmpty() ? null : titolo);
    }

    // ---- structure without objectives ----

    private void segnalaStruttureVuote() {
        for (Indice.Voce voce : indice.voci()) {
            if (voce.settore()) {
                settori.putIfAbsent(voce.codice(), new Struttura(voce.codice(), voce.nome(), null, voce.riga()));
                obiettiviPerSettore.putIfAbsent(voce.codice(), 0);
            } else {
                uffici.putIfAbsent(voce.codice(), new Struttura(voce.codice(), voce.nome(), null, voce.riga()));
                String coppia = voce.codiceSettore() + "|" + voce.codice();
                obiettiviPerUfficio.putIfAbsent(coppia, 0);
                rigaUfficioNelCorpo.putIfAbsent(coppia, voce.riga());
            }
        }
        obiettiviPerSettore.forEach((codice, quanti) -> {
            if (quanti == 0) {
                avviso(settori.get(codice).riga(), TipoAvviso.SETTORE_SENZA_OBIETTIVI,
                        "Il settore " + codice + " non ha nessun obiettivo nella stampa");
            }
        });
        obiettiviPerUfficio.forEach((coppia, quanti) -> {
            if (quanti == 0) {
                String[] parti = coppia.split("\\|");
                avviso(rigaUfficioNelCorpo.get(coppia), TipoAvviso.UFFICIO_SENZA_OBIETTIVI,
                        "L'ufficio " + parti[1] + " del settore " + parti[0] + " non ha nessun obiettivo nella stampa");
            }
        });
    }

    /** The index's placing of an ufficio first (its first listing), else the settore the body prints it under. */
    private Map<String, String> settoreDegliUffici() {
        Map<String, String> settori = new LinkedHashMap<>();
        indice.voci().stream().filter(v -> !v.settore() && v.codiceSettore() != null)
                .forEach(v -> settori.putIfAbsent(v.codice(), v.codiceSettore()));
        rigaUfficioNelCorpo.keySet().forEach(coppia -> {
            String[] parti = coppia.split("\\|");
            if (!"null".equals(parti[0])) {
                settori.putIfAbsent(parti[1], parti[0]);
            }
        });
        return Map.copyOf(settori);
    }

    /** A print that ends on a heading has lost what followed it. */
    private void segnalaFineDopoIntestazione() {
        for (int i = righe.size() - 1; i >= 0; i--) {
            Riga riga = righe.get(i);
            if (riga.vuota() || riga.separatore()) {
                continue;
            }
            if (riga.etichettaE("Responsabile settore") && i > 0) {
                int h = i - 1;
                while (h > 0 && (righe.get(h).vuota() || righe.get(h).separatore())) {
                    h--;
                }
                if (INTESTAZIONE.matcher(righe.get(h).etichetta()).matches()) {
                    avviso(riga.numero, TipoAvviso.STAMPA_TRONCATA, "Il file finisce dopo l'intestazione "
                            + righe.get(h).etichetta() + ", senza i suoi obiettivi: la stampa potrebbe essere troncata");
                }
            }
            return;
        }
    }

    private void avviso(int riga, TipoAvviso tipo, String messaggio) {
        avvisi.add(new Avviso(riga, tipo, messaggio));
    }

    static BigDecimal numero(String testo) {
        try {
            return new BigDecimal(testo.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Pattern pesi() {
        return PESI;
    }

    static Matcher formaIntestazione(String testo) {
        return INTESTAZIONE.matcher(testo);
    }
}
