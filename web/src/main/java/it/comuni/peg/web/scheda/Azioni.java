package it.comuni.peg.web.scheda;

import it.comuni.peg.web.comune.Modulo;

import it.comuni.peg.query.scheda.Scheda;

import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Every form, empty, with the one just sent (and perhaps refused) in its place. The phase each offers
     * first is an open one ({@link #faseProposta}): the first not completed; the completion form, a phase
     * that reached 100% if one did.
     */
    static Map<String, Modulo> moduli(Modulo inviato, Scheda scheda) {
        Map<String, Modulo> moduli = new LinkedHashMap<>();
        for (String nome : new String[]{CONSUNTIVO, RETTIFICA, COMPLETAMENTO, RIMODULAZIONE, VALORE}) {
            moduli.put(nome, inviato != null && inviato.getNome().equals(nome) ? inviato : new Modulo(nome, CAMPI.get(nome)));
        }
        moduli.get(CONSUNTIVO).getValori().putIfAbsent("svolta", "true");
        moduli.get(RETTIFICA).getValori().putIfAbsent("svolta", "true");
        faseProposta(scheda, false).ifPresent(f -> {
            for (String nome : new String[]{CONSUNTIVO, RETTIFICA, RIMODULAZIONE}) {
                moduli.get(nome).getValori().putIfAbsent("fase", String.valueOf(f));
            }
        });
        faseProposta(scheda, true).ifPresent(f -> moduli.get(COMPLETAMENTO).getValori().putIfAbsent("fase", String.valueOf(f)));
        return moduli;
    }

    /**
     * The phase a form offers first: the first not completed, or for the completion form the first that
     * reached 100% without being completed (else the first not completed); empty when all are completed.
     */
    static java.util.Optional<Integer> faseProposta(Scheda scheda, boolean completamento) {
        java.util.Optional<Integer> daCompletare = completamento ? daCompletare(scheda).stream().findFirst() : java.util.Optional.empty();
        return daCompletare.or(() -> scheda.fasi().stream().filter(f -> !f.completata()).map(Scheda.Fase::numero).findFirst());
    }

    /** The phases whose cumulative percentage reached 100 and that are not yet completed: the page prompts to complete them. */
    static List<Integer> daCompletare(Scheda scheda) {
        return scheda.fasi().stream()
                .filter(f -> !f.completata() && f.percentuale() != null && f.percentuale().valore() >= 100)
                .map(Scheda.Fase::numero).toList();
    }
}
