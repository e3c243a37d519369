package it.comuni.peg.command.metadati;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * The target objective from the command, the version the client last saw (HTTP If-Match) from the
 * metadata: the commands stay pure domain, and Axon's repository refuses a stale version with a
 * ConflictingAggregateVersionException inside the same lock that appends the event (no race).
 */
@Component
public class VersioneAttesaDaMetadati implements CommandTargetResolver {

    public static final String VERSIONE_ATTESA = "versioneAttesa";

    private final CommandTargetResolver annotazioni = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotazioni.resolveTarget(command);
        Object versione = command.getMetaData().get(VERSIONE_ATTESA);
        return versione == null ? target
                : new VersionedAggregateIdentifier(target.getIdentifierValue(), ((Number) versione).longValue());
    }
}
