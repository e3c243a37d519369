package it.comuni.peg.command.metriche;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.consuntivo.Tempestivita;
import it.comuni.peg.api.fase.RimodulaFase;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every command handled, timed and classified in the domain's words: {@code peg_comandi_seconds}
 * by command and outcome (ok, rifiutato: a refusal the client caused; errore: ours), the refusals
 * by reason, and the business counters ops watch (late consuntivi, rimodulazioni). Tags are
 * command class names and fixed words only: never an id, a name or a title.
 */
@Component
public class MetricheComandi implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;
    private final Clock clock;
    private final int giorniDiTolleranza;
    private final Map<String, Timer> timer = new ConcurrentHashMap<>();

    public MetricheComandi(MeterRegistry registry, Clock clock,
                           @Value("${peg.consuntivo.tolleranza-giorni:10}") int giorniDiTolleranza) {
        this.registry = registry;
        this.clock = clock;
        this.giorniDiTolleranza = giorniDiTolleranza;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long inizio = System.nanoTime();
        CommandMessage<?> comando = unitOfWork.getMessage();
        unitOfWork.onCleanup(uow -> {
            Throwable errore = uow.getExecutionResult() != null && uow.getExecutionResult().isExceptionResult()
                    ? uow.getExecutionResult().getExceptionResult() : null;
            String motivo = errore == null ? null : motivo(errore);
            String esito = errore == null ? "ok" : motivo != null ? "rifiutato" : "errore";
            timer(comando.getPayloadType(), esito).record(System.nanoTime() - inizio, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (motivo != null) {
                Counter.builder("peg_comandi_rifiutati").description("Commands refused, by reason")
                        .tag("motivo", motivo).register(registry).increment();
            }
            if (errore == null) {
                contaFattiDiDominio(comando.getPayload());
            }
        });
        return chain.proceed();
    }

    /** The timer of a command and outcome, looked up in the registry once (a builder per command cost a share of its CPU). */
    private Timer timer(Class<?> comando, String esito) {
        return timer.computeIfAbsent(comando.getSimpleName() + " " + esito, k -> Timer.builder("peg_comandi")
                .description("Commands handled, by command and outcome")
                .tag("comando", comando.getSimpleName())
                .tag("esito", esito)
                .publishPercentileHistogram()
                .register(registry));
    }

    private void contaFattiDiDominio(Object payload) {
        if (payload instanceof RegistraConsuntivo consuntivo) {
            boolean inRitardo = Tempestivita.registratoInRitardo(consuntivo.mese(), clock.instant(), giorniDiTolleranza);
            Counter.builder("peg_consuntivi_registrati").description("Consuntivi recorded, late or on time")
                    .tag("in_ritardo", Boolean.toString(inRitardo)).register(registry).increment();
        } else if (payload instanceof RimodulaFase) {
            Counter.builder("peg_rimodulazioni").description("Phases re-planned").register(registry).increment();
        }
    }

    /** The reason of a refusal the client caused, or null for a failure of ours. */
    private static String motivo(Throwable errore) {
        if (errore instanceof RegolaViolata) {
            return "regola_violata";
        } else if (errore instanceof ValoreNonValido) {
            return "valore_non_valido";
        } else if (errore instanceof NonTrovato || errore instanceof AggregateNotFoundException) {
            return "non_trovato";
        } else if (errore instanceof ConflictingAggregateVersionException) {
            return "versione_superata";
        } else if (errore instanceof ConcurrencyException || errore instanceof AggregateStreamCreationException) {
            return "conflitto";
        }
        return null;
    }
}
