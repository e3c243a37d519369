package it.comuni.peg.command.metadati;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * The target objective from the command, the version the client last saw (HTTP If-Match) from the
 * metadata: the commands stay pure domain, and Axon's repository refuses a stale version with a
 * ConflictingAggregateVersionException inside the same lock that appends the event (no race).
 * <p>
 * A command's target is asked for twice in its unit of work: by {@code BloccoAnticipato}, to lock
 * the objective first, and by Axon's aggregate command handler, to load it. Axon's resolver finds the
 * annotated member by reflection over the command's class on every call, so the answer is kept in
 * the unit of work (keyed by the command's identifier) and the second ask reads it back.
 */
@Component
public class VersioneAttesaDaMetadati implements CommandTargetResolver {

    public static final String VERSIONE_ATTESA = "versioneAttesa";

    private static final String RISORSA = VersioneAttesaDaMetadati.class.getName() + ".bersaglio.";

    private final CommandTargetResolver annotazioni = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!CurrentUnitOfWork.isStarted()) {
            return risolvi(command);
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(RISORSA + command.getIdentifier(), k -> risolvi(command));
    }

    private VersionedAggregateIdentifier risolvi(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotazioni.resolveTarget(command);
        Object versione = command.getMetaData().get(VERSIONE_ATTESA);
        return versione == null ? target
                : new VersionedAggregateIdentifier(target.getIdentifierValue(), ((Number) versione).longValue());
    }
}
