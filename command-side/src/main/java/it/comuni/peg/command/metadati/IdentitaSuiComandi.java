package it.comuni.peg.command.metadati;

import it.comuni.peg.command.idempotenza.IdempotenzaFilter;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.web.RichiestaIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sent it, taken from the security context (never from the request
 * body), and with the HTTP request's id and idempotency key when it came over HTTP. Axon's
 * correlation data providers then copy these onto every event the command appends.
 */
@Component
public class IdentitaSuiComandi implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String UTENTE_DI_SISTEMA = "sistema";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (indice, comando) -> comando.andMetaData(metadati());
    }

    private static Map<String, Object> metadati() {
        Map<String, Object> metadati = new HashMap<>();
        Authentication autenticazione = SecurityContextHolder.getContext().getAuthentication();
        if (autenticazione != null && autenticazione.isAuthenticated()) {
            metadati.put(Metadati.UTENTE, autenticazione.getName());
            autenticazione.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .findFirst()
                    .ifPresent(a -> metadati.put(Metadati.RUOLO, a.substring("ROLE_".length())));
        } else {
            metadati.put(Metadati.UTENTE, UTENTE_DI_SISTEMA);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributi) {
            Object richiesta = attributi.getRequest().getAttribute(RichiestaIdFilter.ATTRIBUTO);
            if (richiesta != null) {
                metadati.put(Metadati.RICHIESTA, richiesta);
            }
            String chiave = attributi.getRequest().getHeader(IdempotenzaFilter.INTESTAZIONE);
            if (chiave != null && !chiave.isBlank()) {
                metadati.put(Metadati.CHIAVE_IDEMPOTENZA, chiave);
            }
        }
        return metadati;
    }
}
