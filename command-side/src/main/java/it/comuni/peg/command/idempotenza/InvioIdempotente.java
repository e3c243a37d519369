package it.comuni.peg.command.idempotenza;

import it.comuni.peg.platform.axon.Metadati;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How the command API sends the one command of a request: as {@code sendAndWait}, and, when the
 * request carries an Idempotency-Key ({@link IdempotenzaFilter} checked it and fingerprinted the
 * request), with the key and the fingerprint on the command, so that the command's unit of work
 * claims the key ({@link IdempotenzaInterceptor}). The answer of a retry is the first request's
 * result, which the controller turns into the same HTTP answer as the first time (the same code,
 * from the same values: status, body, ETag, Location); this only adds
 * {@code Idempotent-Replayed: true}. Requests that send several commands (the import) do not come
 * through here and claim no key.
 */
@Component
public class InvioIdempotente {

    private final CommandGateway commandGateway;

    public InvioIdempotente(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * The command's result (for a command on an existing aggregate, its version after the change;
     * for a new objective, its id), the first request's when this is a retry. Refusals are thrown as
     * {@code sendAndWait} throws them; {@link it.comuni.peg.api.comune.ChiaveRiutilizzata} when the
     * key was used for a different request.
     */
    @SuppressWarnings("unchecked")
    public <R> R invia(Object comando) {
        CommandMessage<?> messaggio = GenericCommandMessage.asCommandMessage(comando);
        ServletRequestAttributes richiesta = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a : null;
        if (richiesta != null && richiesta.getRequest().getAttribute(IdempotenzaFilter.IMPRONTA) instanceof String impronta) {
            HttpServletRequest http = richiesta.getRequest();
            messaggio = messaggio.andMetaData(MetaData.with(Metadati.CHIAVE_IDEMPOTENZA, http.getHeader(IdempotenzaFilter.INTESTAZIONE))
                    .and(Metadati.IMPRONTA_RICHIESTA, impronta));
        }
        FutureCallback<Object, R> esito = new FutureCallback<>();
        commandGateway.send(messaggio, esito);
        CommandResultMessage<? extends R> risultato = esito.getResult();
        if (risultato.isExceptional()) {
            throw comeRuntime(risultato.exceptionResult());
        }
        if (Boolean.TRUE.equals(risultato.getMetaData().get(IdempotenzaInterceptor.RIPETUTA)) && richiesta != null) {
            HttpServletResponse risposta = richiesta.getResponse();
            if (risposta != null) {
                risposta.setHeader(IdempotenzaFilter.RIPETUTA, "true");
            }
        }
        return risultato.getPayload();
    }

    /** As {@code sendAndWait}: what the handler threw, a checked exception wrapped. */
    private static RuntimeException comeRuntime(Throwable e) {
        if (e instanceof Error errore) {
            throw errore;
        }
        return e instanceof RuntimeException r ? r : new CommandExecutionException("Errore nell'esecuzione del comando", e);
    }
}
