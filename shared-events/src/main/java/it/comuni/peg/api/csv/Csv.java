package it.comuni.peg.api.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as Italian spreadsheets save it: {@code ;} between fields (Excel and LibreOffice use it where
 * the comma is the decimal separator), fields in double quotes when they hold the separator, a quote
 * or a line break, quotes doubled inside them (RFC 4180 otherwise). Pure JDK: both sides of the
 * system read and write the same dialect with the same code.
 */
public final class Csv {

    public static final char SEPARATORE = ';';
    /** Written first, so that Excel opens the file as UTF-8 and not as Windows-1252. */
    public static final String BOM = "\uFEFF";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Csv() {
    }

    /** One record: the line (1-based) where it starts, and its fields. */
    public record Riga(int numero, List<String> campi) {

        public boolean vuota() {
            return campi.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** The text of a file, and whether it had to be read as Windows-1252 (Excel's "CSV" on Windows). */
    public record Testo(String contenuto, boolean windows1252) {
    }

    /**
     * Decodes a file: UTF-8 (with or without BOM) or, when it is not valid UTF-8, Windows-1252.
     * A NUL byte means a binary file (a spreadsheet saved as .xlsx, a PDF): refused with its line.
     */
    public static Testo decodifica(byte[] contenuto) {
        if (contenuto == null || contenuto.length == 0) {
            throw new CsvNonValido(0, "Il file è vuoto");
        }
        int riga = 1;
        for (byte b : contenuto) {
            if (b == 0) {
                throw new CsvNonValido(riga, "Il file non è testo (contiene byte nulli alla riga " + riga
                        + "): salvare il foglio come \"CSV UTF-8 (delimitato da punto e virgola)\"");
            }
            if (b == '\n') {
                riga++;
            }
        }
        String testo;
        boolean windows = false;
        try {
            testo = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(contenuto)).toString();
        } catch (CharacterCodingException e) {
            testo = new String(contenuto, WINDOWS_1252);
            windows = true;
        }
        if (testo.startsWith(BOM)) {
            testo = testo.substring(1);
        }
        return new Testo(testo, windows);
    }

    /**
     * Splits the text into records. A quoted field may hold separators and line breaks; a quote that
     * is never closed swallows the rest of the file, so it is refused naming the line where it opened.
     */
    public static List<Riga> leggi(String testo, char separatore) {
        List<Riga> righe = new ArrayList<>();
        List<String> campi = new ArrayList<>();
        StringBuilder campo = new StringBuilder();
        int linea = 1;
        int inizioRecord = 1;
        int aperturaVirgolette = 0;
        boolean traVirgolette = false;
        boolean campoTraVirgolette = false;
        int n = testo.length();
        for (int i = 0; i < n; i++) {
            char c = testo.charAt(i);
            if (traVirgolette) {
                if (c == '"') {
                    if (i + 1 < n && testo.charAt(i + 1) == '"') {
                        campo.append('"');
                        i++;
                    } else {
                        traVirgolette = false;
                    }
                } else {
                    if (c == '\n') {
                        linea++;
                    }
                    campo.append(c);
                }
                continue;
            }
            if (c == '"' && campo.isEmpty() && !campoTraVirgolette) {
                traVirgolette = true;
                campoTraVirgolette = true;
                aperturaVirgolette = linea;
            } else if (c == separatore) {
                campi.add(campo.toString());
                campo.setLength(0);
                campoTraVirgolette = false;
            } else if (c == '\r' && i + 1 < n && testo.charAt(i + 1) == '\n') {
                // CRLF: the LF closes the record
            } else if (c == '\n' || c == '\r') {
                campi.add(campo.toString());
                righe.add(new Riga(inizioRecord, List.copyOf(campi)));
                campi.clear();
                campo.setLength(0);
                campoTraVirgolette = false;
                linea++;
                inizioRecord = linea;
            } else {
                // text after a closing quote ("ab"c) is kept as written rather than lost
                campo.append(c);
            }
        }
        if (traVirgolette) {
            throw new CsvNonValido(aperturaVirgolette, "Le virgolette aperte alla riga " + aperturaVirgolette
                    + " non sono mai chiuse: il resto del file sarebbe un solo campo");
        }
        if (!campo.isEmpty() || !campi.isEmpty() || campoTraVirgolette) {
            campi.add(campo.toString());
            righe.add(new Riga(inizioRecord, List.copyOf(campi)));
        }
        return righe;
    }

    /** One record, CRLF-terminated as Excel writes it. */
    public static String riga(List<String> campi) {
        StringBuilder riga = new StringBuilder();
        for (int i = 0; i < campi.size(); i++) {
            if (i > 0) {
                riga.append(SEPARATORE);
            }
            riga.append(campo(campi.get(i)));
        }
        return riga.append("\r\n").toString();
    }

    /**
     * A field as written. A text that a spreadsheet would run as a formula (=, +, -, @ first: "CSV
     * injection", a risk for a file published on the ente's site) gets an apostrophe in front, which
     * spreadsheets show as text and {@link #testoDaCella} removes again on import.
     */
    static String campo(String valore) {
        if (valore == null || valore.isEmpty()) {
            return "";
        }
        String v = valore;
        if ("=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[-+]?\\d+([.,]\\d+)?")) {
            v = "'" + v;
        }
        boolean virgolette = v.indexOf(SEPARATORE) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1));
        return virgolette ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The apostrophe {@link #campo} puts before a would-be formula is not part of the text. */
    public static String testoDaCella(String cella) {
        if (cella != null && cella.length() > 1 && cella.charAt(0) == '\'' && "=+-@".indexOf(cella.charAt(1)) >= 0) {
            return cella.substring(1);
        }
        return cella;
    }
}
