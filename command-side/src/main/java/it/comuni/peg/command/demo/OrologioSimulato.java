package it.comuni.peg.command.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock when the demo runs: the system clock for every thread but the one that
 * simulates the year, which sees the simulated day. The aggregates' rules ("not in the future", "a
 * month that has begun") then judge each simulated command on the day it pretends to be, while an
 * HTTP request served meanwhile still lives today. Nothing outside the demo runner can move it:
 * there is no endpoint, and the bean exists only when the application starts with --demo.
 */
public class OrologioSimulato extends Clock {

    private final Clock sistema;
    private final ThreadLocal<Instant> simulato;

    public OrologioSimulato(Clock sistema) {
        this(sistema, new ThreadLocal<>());
    }

    private OrologioSimulato(Clock sistema, ThreadLocal<Instant> simulato) {
        this.sistema = sistema;
        this.simulato = simulato;
    }

    /** Moves this thread (only) to the instant; {@link #torna} brings it back to the present. */
    void vaiA(Instant istante) {
        simulato.set(istante);
    }

    void torna() {
        simulato.remove();
    }

    /** The simulated instant of this thread, if it is simulating. */
    Instant simulatoQui() {
        return simulato.get();
    }

    @Override
    public ZoneId getZone() {
        return sistema.getZone();
    }

    @Override
    public Clock withZone(ZoneId zona) {
        return new OrologioSimulato(sistema.withZone(zona), simulato);
    }

    @Override
    public Instant instant() {
        Instant istante = simulato.get();
        return istante != null ? istante : sistema.instant();
    }
}
