package it.comuni.peg.query.proiezione;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The batch of events a streaming processor handles in one transaction, as a projection sees it:
 * state that lives as long as the batch and is written once, just before the transaction commits.
 * A rebuild then reads each objective's row once per batch and writes it once, instead of once per
 * event (measured by ops/benchmark.sh). Outside a processor (a handler called directly) a batch is
 * the single event, written at once.
 */
public final class Lotto {

    /** What a projection keeps for one batch. */
    public interface Stato {
        /** Writes what the batch changed; called once, before the commit. */
        void scrivi();
    }

    private Lotto() {
    }

    /**
     * The state of the current batch under {@code chiave}, created by {@code crea} (which receives
     * the aggregate ids of the whole batch, to read their rows in one query) at the first event.
     * Without a unit of work, {@code azione} runs on a fresh state that is written right away.
     */
    public static <S extends Stato> void con(String chiave, EventMessage<?> evento, Function<Set<String>, S> crea,
                                             java.util.function.Consumer<S> azione) {
        if (!CurrentUnitOfWork.isStarted()) {
            S stato = crea.apply(aggregati(List.of(evento)));
            azione.accept(stato);
            stato.scrivi();
            return;
        }
        UnitOfWork<?> radice = CurrentUnitOfWork.get().root();
        S stato = radice.getOrComputeResource(chiave, k -> {
            List<?> messaggi = radice instanceof BatchingUnitOfWork<?> lotto ? lotto.getMessages() : List.of(evento);
            S nuovo = crea.apply(aggregati(messaggi));
            radice.onPrepareCommit(u -> nuovo.scrivi());
            return nuovo;
        });
        azione.accept(stato);
    }

    private static Set<String> aggregati(List<?> messaggi) {
        Set<String> id = new LinkedHashSet<>();
        for (Object m : messaggi) {
            if (m instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null) {
                id.add(d.getAggregateIdentifier());
            }
        }
        return id;
    }
}
