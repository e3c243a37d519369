package it.comuni.peg.web.comune;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.ValoreNonValido;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reads a form's fields into the API's types; what cannot be read is refused at its field, in Italian. */
public final class Campi {

    private Campi() {
    }

    public static String testo(Map<String, String> p, String campo) {
        String v = p.get(campo);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public static String richiesto(Map<String, String> p, String campo) {
        String v = testo(p, campo);
        if (v == null) {
            throw new ValoreNonValido(campo, "Campo obbligatorio");
        }
        return v;
    }

    public static int intero(Map<String, String> p, String campo) {
        String v = richiesto(p, campo);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ValoreNonValido(campo, "Valore non valido: '" + v + "' (atteso un numero intero)");
        }
    }

    public static BigDecimal decimale(Map<String, String> p, String campo) {
        String v = richiesto(p, campo);
        try {
            return new BigDecimal(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ValoreNonValido(campo, "Valore non valido: '" + v + "' (atteso un numero)");
        }
    }

    public static YearMonth mese(Map<String, String> p, String campo) {
        return leggiMese(campo, richiesto(p, campo));
    }

    private static YearMonth leggiMese(String campo, String v) {
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw new ValoreNonValido(campo, "Valore non valido: '" + v + "' (atteso un mese AAAA-MM)");
        }
    }

    public static LocalDate data(Map<String, String> p, String campo) {
        String v = testo(p, campo);
        return v == null ? null : leggiData(campo, v);
    }

    public static LocalDate dataRichiesta(Map<String, String> p, String campo) {
        return leggiData(campo, richiesto(p, campo));
    }

    public static boolean spunta(Map<String, String> p, String campo) {
        String v = testo(p, campo);
        return v != null && (v.equals("true") || v.equals("on") || v.equals("si"));
    }

    /**
     * A value type built from a field: its refusal (a Peso of 140 says "peso") is moved to the field
     * the form has, so that the message stands next to what the user typed.
     */
    public static <T> T nelCampo(String campo, Supplier<T> valore) {
        try {
            return valore.get();
        } catch (ValoreNonValido e) {
            throw new ValoreNonValido(campo, e.getMessage());
        }
    }

    public static Peso peso(Map<String, String> p, String campo) {
        BigDecimal v = decimale(p, campo);
        return nelCampo(campo, () -> new Peso(v));
    }

    /** The months ticked in a grid of checkboxes named {@code prefisso + "2023-04"}, in order. */
    public static List<YearMonth> mesiSpuntati(Map<String, String> p, String prefisso) {
        return p.keySet().stream()
                .filter(k -> k.startsWith(prefisso) && spunta(p, k))
                .map(k -> leggiMese(k, k.substring(prefisso.length())))
                .sorted()
                .toList();
    }

    /**
     * A form's day: what the browser's date field sends (AAAA-MM-GG), or GG/MM/AAAA as typed where the field is plain
     * text. The refusal speaks the user's form, GG/MM/AAAA, also of a day the date field sent (2023-02-31 as 31/02/2023).
     */
    private static LocalDate leggiData(String campo, String v) {
        try {
            return FormaItaliana.leggiData(v, campo);
        } catch (ValoreNonValido e) {
            java.util.regex.Matcher iso = ISO.matcher(v.strip());
            String scritta = iso.matches() ? iso.group(3) + "/" + iso.group(2) + "/" + iso.group(1) : v.strip();
            throw new ValoreNonValido(campo, "Data non valida: «" + scritta
                    + "» non è una data esistente scritta come GG/MM/AAAA (es. 30/06/2023)");
        }
    }

    private static final java.util.regex.Pattern ISO = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
}
