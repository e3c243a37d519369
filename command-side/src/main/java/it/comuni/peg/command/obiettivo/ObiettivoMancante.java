package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ObiettivoId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A command on an objective that is not in the store ends in {@link NonTrovato#obiettivo}, "Obiettivo X
 * non trovato", the very words of a read of it, whichever route sent it (the API, a page, an import).
 * Axon's {@link AggregateNotFoundException} carries the identifier as a string, not the aggregate's
 * kind, and an objective's id may have any shape ({@code [A-Za-z0-9_-]}, {@link ObiettivoId}), a codice
 * IPA's too: "xyz" would be taken for an ente's organigramma. Here the kind is known for certain: the
 * command's target is an {@link ObiettivoId}.
 * <p>
 * Last of the command handler interceptors, so that the others (metrics, idempotency) see the refusal
 * the client gets.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ObiettivoMancante implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver bersaglio;

    public ObiettivoMancante(CommandTargetResolver bersaglio) {
        this.bersaglio = bersaglio;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException e) {
            Object id = obiettivo(unitOfWork.getMessage());
            if (id != null && id.toString().equals(e.getAggregateIdentifier())) {
                throw NonTrovato.obiettivo(id);
            }
            throw e;
        }
    }

    /** The objective the command targets, null when it targets no objective (or nothing). */
    private Object obiettivo(CommandMessage<?> comando) {
        try {
            VersionedAggregateIdentifier target = bersaglio.resolveTarget(comando);
            return target.getIdentifierValue() instanceof ObiettivoId id ? id : null;
        } catch (IllegalArgumentException e) {
            // a command without a target aggregate (the definition of a new objective)
            return null;
        }
    }
}
