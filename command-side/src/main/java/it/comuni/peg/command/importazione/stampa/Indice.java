package it.comuni.peg.command.importazione.stampa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Indice" of the print: settori in bold, each followed by its uffici, with page numbers. The
 * body is matched against it by code, or by name when the body spells the code differently.
 */
final class Indice {

    private static final Pattern PAGINA = Pattern.compile("\\d{1,4}");

    record Voce(String codice, String nome, boolean settore, String codiceSettore, int riga) {
    }

    private final List<Voce> voci = new ArrayList<>();
    private String settoreCorrente;

    /** Takes the line if it is an entry of the index. */
    boolean leggi(Riga riga) {
        if (riga.pulite.size() < 2 || !PAGINA.matcher(riga.pulite.get(riga.pulite.size() - 1)).matches()) {
            return false;
        }
        Matcher m = LettoreStampaPeg.formaIntestazione(riga.etichetta());
        if (!m.matches()) {
            return false;
        }
        String grezza = riga.grezze.get(0);
        boolean settore = grezza.contains("<b>") || grezza.contains("**");
        if (settore) {
            settoreCorrente = m.group(1);
        }
        voci.add(new Voce(m.group(1), m.group(2).strip(), settore, settore ? null : settoreCorrente, riga.numero));
        return true;
    }

    List<Voce> voci() {
        return voci;
    }

    boolean vuoto() {
        return voci.isEmpty();
    }

    Optional<Voce> settore(String codice, String nome) {
        return primo(v -> v.settore() && v.codice().equals(codice))
                .or(() -> primo(v -> v.settore() && stessoNome(v, nome)));
    }

    /** Same code first (under the same settore if possible), then the same name. */
    Optional<Voce> ufficio(String codice, String nome, String codiceSettore) {
        return primo(v -> !v.settore() && v.codice().equals(codice) && v.codiceSettore() != null && v.codiceSettore().equals(codiceSettore))
                .or(() -> primo(v -> !v.settore() && v.codice().equals(codice)))
                .or(() -> primo(v -> !v.settore() && stessoNome(v, nome) && v.codiceSettore() != null && v.codiceSettore().equals(codiceSettore)))
                .or(() -> primo(v -> !v.settore() && stessoNome(v, nome)));
    }

    private Optional<Voce> primo(Predicate<Voce> condizione) {
        return voci.stream().filter(condizione).findFirst();
    }

    private static boolean stessoNome(Voce voce, String nome) {
        return nome != null && normalizza(voce.nome()).equals(normalizza(nome));
    }

    private static String normalizza(String nome) {
        return nome.toUpperCase(Locale.ITALIAN).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
