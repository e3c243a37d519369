package it.comuni.peg.platform.test;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Remembers every Spring test context of the JVM, so that {@link FineSessioneDiTest} can close them
 * before the embedded test MariaDB stops: Spring's context cache offers no way to close what it holds
 * (its {@code clear()} only forgets the contexts, which then close in the JVM's shutdown hooks, against
 * a stopped database, each processor and pool waiting on it). Registered in
 * {@code META-INF/spring.factories} of the platform's test jar, like {@link FineSessioneDiTest}.
 */
public class ContestiDiTest implements TestExecutionListener, Ordered {

    private static final Set<ConfigurableApplicationContext> CONTESTI = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public void beforeTestClass(TestContext testContext) {
        ricorda(testContext);
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        ricorda(testContext);
    }

    @Override
    public int getOrder() {
        // after Spring's own listeners have loaded the context (dependency injection is 2000)
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Closes every remembered context still open, the latest first, and forgets them; each close
     * stops its processors, scheduler and pool while the database still answers.
     */
    static void chiudiTutti() {
        List<ConfigurableApplicationContext> contesti;
        synchronized (CONTESTI) {
            contesti = new ArrayList<>(CONTESTI);
            CONTESTI.clear();
        }
        Collections.reverse(contesti);
        for (ConfigurableApplicationContext contesto : contesti) {
            if (contesto.isActive()) {
                contesto.close();
            }
        }
    }

    private static void ricorda(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            ApplicationContext contesto = testContext.getApplicationContext();
            if (contesto instanceof ConfigurableApplicationContext configurabile) {
                synchronized (CONTESTI) {
                    // those Spring closed already (@DirtiesContext) need no more closing, nor keeping
                    CONTESTI.removeIf(c -> !c.isActive());
                    CONTESTI.add(configurabile);
                }
            }
        }
    }
}
