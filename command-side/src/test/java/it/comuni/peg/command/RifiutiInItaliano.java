package it.comuni.peg.command;

import it.comuni.peg.platform.test.TestoItaliano;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.util.List;

/**
 * The aggregates' test fixtures, each made to read every refusal it sees as a user would: a refusal
 * whose message holds an ISO date, a decimal point, an enum's name or "null" fails the test that
 * provoked it, naming what is wrong ({@link TestoItaliano}). Every refusal of every aggregate test is
 * swept this way, the expected ones included.
 */
public final class RifiutiInItaliano {

    private RifiutiInItaliano() {
    }

    /** A fixture for {@code aggregato} whose command handlers' refusals are checked. */
    public static <T> AggregateTestFixture<T> fixture(Class<T> aggregato) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregato);
        fixture.registerCommandHandlerInterceptor((uow, chain) -> {
            try {
                return chain.proceed();
            } catch (RuntimeException rifiuto) {
                List<String> problemi = TestoItaliano.problemi(rifiuto.getMessage());
                if (!problemi.isEmpty()) {
                    throw new AssertionError("Rifiuto non in italiano (" + rifiuto.getClass().getSimpleName() + ": "
                            + rifiuto.getMessage() + "): " + problemi, rifiuto);
                }
                throw rifiuto;
            }
        });
        return fixture;
    }
}
