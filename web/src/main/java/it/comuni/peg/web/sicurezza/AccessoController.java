package it.comuni.peg.web.sicurezza;

import it.comuni.peg.platform.sicurezza.UtentiProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The sign-in page: a button per identity provider configured (OpenID Connect), the password form when
 * the installation has password users, and why the last attempt failed, in Italian. Spring Security
 * handles the form's POST and the providers' callbacks ({@link SicurezzaWebConfig}).
 */
@Controller
public class AccessoController {

    private final List<Fornitore> fornitori;
    private final boolean password;

    public AccessoController(ObjectProvider<ClientRegistrationRepository> registrazioni, UtentiProperties utenti,
                             Environment environment) {
        ClientRegistrationRepository repository = registrazioni.getIfAvailable();
        this.fornitori = repository == null ? List.of() : AccessoOidc.registrazioni(repository).stream()
                .map(Fornitore::di).toList();
        this.password = !utenti.attivi(environment).isEmpty();
    }

    @GetMapping("/accesso")
    String accesso(@RequestParam(required = false) String errore, @RequestParam(required = false) String claim, Model model) {
        model.addAttribute("fornitori", fornitori);
        model.addAttribute("accessoConPassword", password);
        model.addAttribute("erroreAccesso", errore == null ? null : messaggio(errore, claim));
        return "accesso";
    }

    /** Why a sign-in failed, in words a person can act on ({@code errore} as {@link AccessoOidc#fallimento()} sets it). */
    static String messaggio(String errore, String claim) {
        return switch (errore) {
            case "stato" -> "La risposta del fornitore d'identità non corrisponde a un accesso iniziato da questo browser "
                    + "(parametro state non valido o già usato). Non è stato registrato nulla: accedi di nuovo.";
            case "nonce" -> "Il token d'identità ricevuto appartiene a un'altra richiesta di accesso (nonce non valido). "
                    + "Non è stato registrato nulla: accedi di nuovo.";
            case "annullato" -> "L'accesso è stato annullato presso il fornitore d'identità.";
            case "claim" -> "Il fornitore d'identità dell'ente non ha indicato «" + (claim == null ? "?" : claim)
                    + "», che serve a riconoscerti. Segnalalo all'amministratore del fornitore d'identità dell'ente.";
            case "fornitore" -> "Il fornitore d'identità ha dato una risposta che non si può usare (token non valido, "
                    + "scaduto o di un altro emittente). Accedi di nuovo; se si ripete, segnalalo all'assistenza.";
            default -> "Nome utente o password non validi.";
        };
    }

    /** A provider as the page offers it: where its sign-in starts and the name configured for it. */
    public record Fornitore(String url, String nome) {

        static Fornitore di(ClientRegistration registrazione) {
            String nome = registrazione.getClientName() == null || registrazione.getClientName().equals(registrazione.getRegistrationId())
                    ? "il fornitore d'identità dell'ente" : registrazione.getClientName();
            return new Fornitore(AccessoOidc.AUTORIZZAZIONE + "/" + registrazione.getRegistrationId(), nome);
        }
    }
}
