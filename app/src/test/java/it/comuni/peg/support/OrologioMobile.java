package it.comuni.peg.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand: commands, events and queries all see the scripted time. */
public class OrologioMobile extends Clock {

    private final AtomicReference<Instant> adesso;
    private final ZoneId zona;

    public OrologioMobile(Instant inizio, ZoneId zona) {
        this.adesso = new AtomicReference<>(inizio);
        this.zona = zona;
    }

    public void vaiA(Instant istante) {
        adesso.set(istante);
    }

    @Override
    public ZoneId getZone() {
        return zona;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new OrologioMobile(adesso.get(), zone);
    }

    @Override
    public Instant instant() {
        return adesso.get();
    }
}
