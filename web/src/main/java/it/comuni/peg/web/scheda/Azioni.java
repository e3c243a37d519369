package it.comuni.peg.web.scheda;

import it.comuni.peg.web.comune.Modulo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The forms of the scheda, one per command a dirigente or responsabile sends about progress. */
public final class Azioni {

    public static final String CONSUNTIVO = "consuntivo";
    public static final String RETTIFICA = "rettifica";
    public static final String COMPLETAMENTO = "completamento";
    public static final String RIMODULAZIONE = "rimodulazione";
    public static final String VALORE = "valore";

    static final Map<String, Set<String>> CAMPI = Map.of(
            CONSUNTIVO, Set.of("fase", "mese", "svolta", "percentuale", "note", "atto"),
            RETTIFICA, Set.of("fase", "mese", "svolta", "percentuale", "note", "atto", "motivazione"),
            COMPLETAMENTO, Set.of("fase", "data", "atto"),
            RIMODULAZIONE, Set.of("fase", "inizio", "fine", "motivazione"),
            VALORE, Set.of("indicatore", "valore", "dataRiferimento", "note"));

    private Azioni() {
    }

    /** Every form, empty, with the one just sent (and perhaps refused) in its place. */
    static Map<String, Modulo> moduli(Modulo inviato) {
        Map<String, Modulo> moduli = new LinkedHashMap<>();
        for (String nome : new String[]{CONSUNTIVO, RETTIFICA, COMPLETAMENTO, RIMODULAZIONE, VALORE}) {
            moduli.put(nome, inviato != null && inviato.getNome().equals(nome) ? inviato : new Modulo(nome, CAMPI.get(nome)));
        }
        moduli.get(CONSUNTIVO).getValori().putIfAbsent("svolta", "true");
        moduli.get(RETTIFICA).getValori().putIfAbsent("svolta", "true");
        return moduli;
    }
}
