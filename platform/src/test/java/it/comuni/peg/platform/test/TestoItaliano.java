package it.comuni.peg.platform.test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an Italian reader must never meet in a text the system writes: an ISO date ({@code 2023-05-01})
 * or month ({@code 2024-01}), a decimal point in a number ({@code 90.5}; the system writes no thousands
 * separator, so any {@code 1.5} is one), the name of one of the project's enum constants
 * ({@code IN_LINEA}, {@code VALUTAZIONE_FINALE}), {@code null}, {@code undefined}, {@code NaN}, and a
 * singular number with a plural noun ({@code 1 fasi}).
 * <p>
 * What users typed (titles and descriptions of the real print, notes, motivazioni) is theirs to write:
 * the caller passes it as {@code datiUtente}, and it is taken out of the text before the check.
 */
public final class TestoItaliano {

    private static final Pattern DATA_ISO = Pattern.compile("\\b\\d{4}-(0[1-9]|1[0-2])(-\\d{2})?\\b");
    private static final Pattern PUNTO_DECIMALE = Pattern.compile("(?<![\\w.])\\d+\\.\\d+(?![\\w.])");
    private static final Pattern PAROLE_VUOTE = Pattern.compile("\\b(null|undefined|NaN)\\b");
    private static final Pattern UNO_PLURALE = Pattern.compile("(?<![\\d,])\\b1 (fasi|obiettivi|mesi|giorni|persone|indicatori|eventi|settori|uffici|voci|punti)\\b");
    private static final Pattern MAIUSCOLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\\b");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> ENUM = costantiDelProgetto();
    // acronyms an Italian reader reads as words, though an enum of formats or documents names them too
    private static final Set<String> SIGLE = Set.of("YAML", "JSON", "CSV", "PDF", "DOCX", "ODT", "HTML", "PEG", "DUP", "SMVP", "PNRR");

    private TestoItaliano() {
    }

    /** The problems of {@code testo}, each with a few words around it; empty when there are none. */
    public static List<String> problemi(String testo) {
        return problemi(testo, List.of());
    }

    /** As {@link #problemi(String)}, after taking every one of {@code datiUtente} out of {@code testo}. */
    public static List<String> problemi(String testo, Collection<String> datiUtente) {
        String t = testo == null ? "" : testo.replace('\u00a0', ' ');
        List<String> dati = new ArrayList<>(datiUtente);
        dati.sort(Comparator.comparingInt(String::length).reversed());
        for (String d : dati) {
            if (d != null && d.strip().length() > 1) {
                t = t.replace(d.strip(), " ");
            }
        }
        t = UUID.matcher(t).replaceAll(" ");
        List<String> problemi = new ArrayList<>();
        trova(DATA_ISO, t, "data ISO", problemi);
        trova(PUNTO_DECIMALE, t, "punto decimale", problemi);
        trova(PAROLE_VUOTE, t, "valore mancante", problemi);
        trova(UNO_PLURALE, t, "plurale con 1", problemi);
        Matcher m = MAIUSCOLE.matcher(t);
        while (m.find()) {
            if (ENUM.contains(m.group()) && !SIGLE.contains(m.group()) && (m.group().contains("_") || m.group().length() > 3)) {
                problemi.add("nome di enum «" + m.group() + "»: …" + intorno(t, m) + "…");
            }
        }
        return problemi;
    }

    /** The names of every enum constant under {@code it.comuni.peg}: the words a page must translate. */
    public static Set<String> costanti() {
        return ENUM;
    }

    private static void trova(Pattern p, String t, String cosa, List<String> problemi) {
        Matcher m = p.matcher(t);
        while (m.find()) {
            problemi.add(cosa + " «" + m.group() + "»: …" + intorno(t, m) + "…");
        }
    }

    private static String intorno(String t, Matcher m) {
        return t.substring(Math.max(0, m.start() - 40), Math.min(t.length(), m.end() + 40)).replaceAll("\\s+", " ");
    }

    private static Set<String> costantiDelProgetto() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> nomi = new TreeSet<>();
        for (var d : scanner.findCandidateComponents("it.comuni.peg")) {
            try {
                Class<?> c = Class.forName(d.getBeanClassName(), false, TestoItaliano.class.getClassLoader());
                for (Object costante : c.getEnumConstants() == null ? new Object[0] : c.getEnumConstants()) {
                    nomi.add(((Enum<?>) costante).name());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Enum non caricabile: " + d.getBeanClassName(), e);
            }
        }
        if (nomi.isEmpty()) {
            throw new IllegalStateException("Nessuna enum trovata sotto it.comuni.peg: il controllo dei nomi non controllerebbe nulla");
        }
        return nomi;
    }
}
