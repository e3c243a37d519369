package it.comuni.peg.web.stampa;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The name a print is saved under, saying whose, which year, what and as of when:
 * {@code PEG-c_b648-2023-SASTER-al-2023-06-30.pdf}. The day is ISO-8601 here, unlike everywhere a person
 * reads: a file name sorts by it, and a slash cannot be in one. Only ASCII letters, digits, '_' and '-'
 * survive, so the name is the same on every file system and in every mail client.
 */
final class NomeFile {

    private static final int PAROLE_DEL_TITOLO = 6;

    private NomeFile() {
    }

    /**
     * @param ente    the ente's codice IPA ({@code c_b648})
     * @param settore the settore's code, or null for the whole PEG
     * @param titolo  the objective's title, or null for a print of many
     * @param al      the day the print shows
     */
    static String pdf(String ente, int anno, String settore, String titolo, LocalDate al) {
        List<String> parti = new ArrayList<>(List.of("PEG", pulito(ente), String.valueOf(anno)));
        if (settore != null && !settore.isBlank()) {
            parti.add(pulito(settore));
        }
        if (titolo != null && !titolo.isBlank()) {
            String[] parole = pulito(titolo).split("-");
            parti.add(String.join("-", java.util.Arrays.copyOf(parole, Math.min(parole.length, PAROLE_DEL_TITOLO))));
        }
        parti.add("al");
        parti.add(al.toString());
        return String.join("-", parti.stream().filter(p -> !p.isEmpty()).toList()) + ".pdf";
    }

    private static String pulito(String testo) {
        String senzaAccenti = Normalizer.normalize(testo.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return senzaAccenti.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("^-+|-+$", "");
    }

}
