package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.consuntivo.RettificaConsuntivo;
import it.comuni.peg.api.fase.CompletaFase;
import it.comuni.peg.api.fase.RimodulaFase;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.platform.axon.Metadati;
import org.axonframework.messaging.MetaData;

import java.util.Locale;
import java.util.Set;

/**
 * Who may change an objective, decided where the command is handled so that no route (HTTP,
 * import, command line, a future UI) can bypass it. The controllo di gestione writes the plan;
 * the dirigente of the objective's settore, or the responsabile of its ufficio, records progress.
 * A command with no role in its metadata comes from inside the system itself (import, command
 * line, simulation): every HTTP request is authenticated and always carries one.
 */
final class Autorizzazione {

    private static final Set<Class<?>> AVANZAMENTO = Set.of(RegistraConsuntivo.class, RettificaConsuntivo.class,
            CompletaFase.class, RegistraValoreIndicatore.class, RimodulaFase.class);

    private Autorizzazione() {
    }

    static void richiediPianificazione(MetaData metadati) {
        String ruolo = (String) metadati.get(Metadati.RUOLO);
        if (ruolo != null && !ruolo.equals("CONTROLLO_GESTIONE")) {
            throw new AccessoNegato("Solo il controllo di gestione definisce e modifica il piano degli obiettivi");
        }
    }

    static void richiedi(Class<?> comando, MetaData metadati, String responsabileSettore, String responsabileUfficio) {
        if (!AVANZAMENTO.contains(comando)) {
            richiediPianificazione(metadati);
            return;
        }
        String ruolo = (String) metadati.get(Metadati.RUOLO);
        if (ruolo == null) {
            return;
        }
        String persona = normalizza((String) metadati.get(Metadati.PERSONA));
        switch (ruolo) {
            case "DIRIGENTE" -> {
                if (persona == null || !persona.equals(normalizza(responsabileSettore))) {
                    throw new AccessoNegato("Il consuntivo di questo obiettivo spetta al dirigente del suo settore ("
                            + responsabileSettore + ")");
                }
            }
            case "RESPONSABILE_UFFICIO" -> {
                if (persona == null || !persona.equals(normalizza(responsabileUfficio))) {
                    throw new AccessoNegato("Il consuntivo di questo obiettivo spetta al responsabile del suo ufficio"
                            + (responsabileUfficio == null ? "" : " (" + responsabileUfficio + ")"));
                }
            }
            default -> throw new AccessoNegato("Il ruolo " + ruolo + " non registra l'avanzamento degli obiettivi");
        }
    }

    private static String normalizza(String nome) {
        return nome == null || nome.isBlank() ? null : nome.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ITALIAN);
    }
}
