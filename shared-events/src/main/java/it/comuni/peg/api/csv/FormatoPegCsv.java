package it.comuni.peg.api.csv;

import it.comuni.peg.api.comune.FormaItaliana;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV form of a whole PEG, the one a controllo di gestione fills in a spreadsheet, the one
 * GET /api/peg/{anno}/csv exports and POST /api/import/csv imports (README, "CSV del PEG").
 *
 * <p>One row per record; {@code tipo} says which (OBIETTIVO, PERSONA, FASE, INDICATORE) and
 * {@code chiave}, a label of the user's choice, ties the rows of one objective together. Each kind
 * of row fills only its own columns, so every column is one meaning and a spreadsheet can filter
 * and sort by it. Columns are found by their header, in any order.
 */
public final class FormatoPegCsv {

    public static final String TIPO = "tipo";
    public static final String CHIAVE = "chiave";
    public static final String ANNO = "anno";
    public static final String TITOLO = "titolo";
    public static final String DESCRIZIONE = "descrizione";
    public static final String SETTORE = "settore";
    public static final String SETTORE_NOME = "settore_nome";
    public static final String SETTORE_RESPONSABILE = "settore_responsabile";
    public static final String UFFICIO = "ufficio";
    public static final String UFFICIO_NOME = "ufficio_nome";
    public static final String UFFICIO_RESPONSABILE = "ufficio_responsabile";
    public static final String PESO_INDICATORI = "peso_indicatori";
    public static final String PESO_FASI = "peso_fasi";
    public static final String DUP_STRATEGICO = "dup_strategico";
    public static final String DUP_STRATEGICO_TITOLO = "dup_strategico_titolo";
    public static final String DUP_OPERATIVO = "dup_operativo";
    public static final String DUP_OPERATIVO_TITOLO = "dup_operativo_titolo";
    public static final String NUMERO = "numero";
    public static final String NOME = "nome";
    public static final String CATEGORIA = "categoria";
    public static final String RUOLO = "ruolo";
    public static final String INIZIO = "inizio";
    public static final String FINE = "fine";
    public static final String MESI_PREVISTI = "mesi_previsti";
    public static final String CODICE = "codice";
    public static final String UNITA = "unita";
    public static final String VALORE_ATTESO = "valore_atteso";
    public static final String DIREZIONE = "direzione";
    public static final String PESO = "peso";

    /** Every column, in the order the export and the template write them. */
    public static final List<String> COLONNE = List.of(TIPO, CHIAVE, ANNO, TITOLO, DESCRIZIONE,
            SETTORE, SETTORE_NOME, SETTORE_RESPONSABILE, UFFICIO, UFFICIO_NOME, UFFICIO_RESPONSABILE,
            PESO_INDICATORI, PESO_FASI, DUP_STRATEGICO, DUP_STRATEGICO_TITOLO, DUP_OPERATIVO, DUP_OPERATIVO_TITOLO,
            NUMERO, NOME, CATEGORIA, RUOLO, INIZIO, FINE, MESI_PREVISTI, CODICE, UNITA, VALORE_ATTESO, DIREZIONE, PESO);

    public enum Tipo { OBIETTIVO, PERSONA, FASE, INDICATORE }

    /** The cronoprogramma's own headings, Gen..Dic: a spreadsheet never mistakes them for numbers or dates. */
    public static final List<String> MESI = List.of("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic");

    private static final DateTimeFormatter ITALIANA = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SCRITTA = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private FormatoPegCsv() {
    }

    /** dd/mm/yyyy (how Italian spreadsheets show a date) or yyyy-mm-dd; null when blank. */
    public static LocalDate data(String cella, String colonna) {
        if (cella == null || cella.isBlank()) {
            return null;
        }
        String v = cella.strip();
        try {
            return v.contains("/") ? LocalDate.parse(v, ITALIANA) : LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw new ValoreCsvNonValido(colonna, "la data \"" + FormaItaliana.citazione(v) + "\" non esiste o non è nel formato gg/mm/aaaa o aaaa-mm-gg");
        }
    }

    public static String data(LocalDate data) {
        return data == null ? "" : SCRITTA.format(data);
    }

    /**
     * A number as an Italian spreadsheet writes it ("12,5"; "1.234,5" with thousands) or with a
     * decimal point ("12.5"): with a comma present, the comma is the decimal separator.
     */
    public static BigDecimal numero(String cella, String colonna) {
        if (cella == null || cella.isBlank()) {
            return null;
        }
        String v = cella.strip().replace(" ", "").replace("\u00a0", "").replace("%", "");
        if (v.contains(",")) {
            v = v.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new ValoreCsvNonValido(colonna, "\"" + FormaItaliana.citazione(cella.strip()) + "\" non è un numero");
        }
    }

    /**
     * With a decimal comma, as an Italian spreadsheet reads it back as a number; the scale is kept
     * ("50,0" stays 50.0), so that a value read back is the very value written.
     */
    public static String numero(BigDecimal numero) {
        return numero == null ? "" : numero.toPlainString().replace('.', ',');
    }

    /**
     * The planned months: gen..dic (or 1..12) for the months of the PEG year, aaaa-mm for a month of
     * another year; separated by spaces or commas.
     */
    public static List<YearMonth> mesi(String cella, int anno, String colonna) {
        List<YearMonth> mesi = new ArrayList<>();
        if (cella == null || cella.isBlank()) {
            return mesi;
        }
        for (String t : cella.strip().toLowerCase(Locale.ITALIAN).split("[\\s,]+")) {
            if (t.isEmpty()) {
                continue;
            }
            int indice = MESI.indexOf(t.length() > 3 ? t.substring(0, 3) : t);
            if (indice >= 0 && (t.length() == 3 || nomeCompleto(t))) {
                mesi.add(YearMonth.of(anno, indice + 1));
            } else if (t.matches("\\d{1,2}") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= 12) {
                mesi.add(YearMonth.of(anno, Integer.parseInt(t)));
            } else if (t.matches("\\d{4}-\\d{2}") && Integer.parseInt(t.substring(5)) >= 1 && Integer.parseInt(t.substring(5)) <= 12) {
                mesi.add(YearMonth.parse(t));
            } else {
                throw new ValoreCsvNonValido(colonna, "\"" + FormaItaliana.citazione(t) + "\" non è un mese (gen..dic, 1..12 o aaaa-mm)");
            }
        }
        return mesi;
    }

    private static final List<String> NOMI_MESI = List.of("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
            "agosto", "settembre", "ottobre", "novembre", "dicembre");

    private static boolean nomeCompleto(String t) {
        return NOMI_MESI.contains(t);
    }

    public static String mesi(List<YearMonth> mesi, int anno) {
        List<String> parti = new ArrayList<>();
        for (YearMonth m : mesi) {
            parti.add(m.getYear() == anno ? MESI.get(m.getMonthValue() - 1) : m.toString());
        }
        return String.join(" ", parti);
    }

    /** A cell that is not what its column wants; names the column, the row is named by the caller. */
    public static class ValoreCsvNonValido extends RuntimeException {

        private final String colonna;

        public ValoreCsvNonValido(String colonna, String messaggio) {
            super(messaggio);
            this.colonna = colonna;
        }

        public String colonna() {
            return colonna;
        }
    }
}
