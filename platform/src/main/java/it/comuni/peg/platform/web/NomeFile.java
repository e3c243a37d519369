package it.comuni.peg.platform.web;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The name a downloaded file is saved under, saying whose, which year, what and as of when, built the same way
 * for the prints ({@code PEG-c_b648-2023-SASTER-al-2023-06-30.pdf}), the annex to the Relazione
 * ({@code Allegato-obiettivi-c_b648-2023-al-2023-12-31.docx}) and the CSV exports
 * ({@code valutazione-2023-c_b648-settori.csv}). Days are ISO-8601 here, unlike everywhere a person reads: a file
 * name sorts by them, and a slash cannot be in one. Only ASCII letters, digits, '_' and '-' survive, accents
 * dropped from their letters, so the name is the same on every file system and in every mail client.
 */
public final class NomeFile {

    private NomeFile() {
    }

    /**
     * The parts, each cleaned, joined by '-', with the extension.
     *
     * @param estensione without the dot ({@code pdf}, {@code docx}, {@code csv})
     * @param parti      written through {@code toString} (a {@code LocalDate} as ISO-8601); null or what cleans
     *                   to nothing is left out
     * @return for ({@code "pdf", "PEG", "c_b648", 2023, "SASTER", "al", 2023-06-30}):
     * {@code PEG-c_b648-2023-SASTER-al-2023-06-30.pdf}
     */
    public static String di(String estensione, Object... parti) {
        return Arrays.stream(parti).filter(Objects::nonNull).map(p -> pulito(p.toString()))
                .filter(p -> !p.isEmpty()).collect(Collectors.joining("-")) + "." + estensione;
    }

    /** The first {@code quante} words of {@code testo}, cleaned and joined by '-': an objective's title in a name. */
    public static String parole(String testo, int quante) {
        String[] parole = pulito(testo).split("-");
        return String.join("-", Arrays.copyOf(parole, Math.min(parole.length, quante)));
    }

    private static String pulito(String testo) {
        String senzaAccenti = Normalizer.normalize(testo.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return senzaAccenti.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("^-+|-+$", "");
    }
}
