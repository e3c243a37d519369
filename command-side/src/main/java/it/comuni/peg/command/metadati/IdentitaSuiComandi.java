package it.comuni.peg.command.metadati;

import it.comuni.peg.command.idempotenza.IdempotenzaFilter;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.web.RichiestaIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import it.comuni.peg.platform.sicurezza.Identita;
import it.comuni.peg.platform.sicurezza.Provenienza;
import it.comuni.peg.platform.sicurezza.RisolutoreIdentita;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sent it, how they had signed in and their accessi in every ente, taken from the security context (never from the request
 * body), and with the HTTP request's id and idempotency key when it came over HTTP. Axon's
 * correlation data providers then copy these onto every event the command appends.
 */
@Component
public class IdentitaSuiComandi implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String UTENTE_DI_SISTEMA = "sistema";

    private final RisolutoreIdentita risolutore;

    public IdentitaSuiComandi(RisolutoreIdentita risolutore) {
        this.risolutore = risolutore;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (indice, comando) -> comando.andMetaData(metadati());
    }

    private Map<String, Object> metadati() {
        Map<String, Object> metadati = new HashMap<>();
        Optional<Identita> identita = risolutore.identita(SecurityContextHolder.getContext().getAuthentication());
        metadati.put(Metadati.UTENTE, identita.map(Identita::utente).orElse(UTENTE_DI_SISTEMA));
        identita.ifPresent(i -> {
            // the standing in every ente: the handler picks the ente the command concerns (Accessi.diComando)
            metadati.put(Metadati.ACCESSI, i.accessi().codifica());
            Provenienza provenienza = i.provenienza();
            if (provenienza.modo() != Provenienza.Modo.IGNOTO) {
                metadati.put(Metadati.AUTENTICAZIONE, provenienza.modo().name());
            }
            if (provenienza.emittente() != null) {
                metadati.put(Metadati.EMITTENTE, provenienza.emittente());
            }
            if (provenienza.autenticatoIl() != null) {
                metadati.put(Metadati.AUTENTICATO_IL, provenienza.autenticatoIl().toString());
            }
            if (!i.installazione().isEmpty()) {
                metadati.put(Metadati.INSTALLAZIONE, i.installazione().stream().map(Enum::name).sorted()
                        .collect(java.util.stream.Collectors.joining(",")));
            }
        });
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
