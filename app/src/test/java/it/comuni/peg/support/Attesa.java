package it.comuni.peg.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for the asynchronous read side (or a restarted process) in the tests. */
public final class Attesa {

    private Attesa() {
    }

    /** Polls until the condition holds or the time is up; returns whether it held. */
    public static boolean entro(Duration tempo, Supplier<Boolean> condizione) throws InterruptedException {
        long limite = System.nanoTime() + tempo.toNanos();
        while (System.nanoTime() < limite) {
            try {
                if (Boolean.TRUE.equals(condizione.get())) {
                    return true;
                }
            } catch (AssertionError e) {
                throw e;
            } catch (RuntimeException e) {
                // not reachable yet: keep polling
            }
            Thread.sleep(250);
        }
        return false;
    }
}
