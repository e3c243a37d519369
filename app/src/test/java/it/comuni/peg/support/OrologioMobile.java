package it.comuni.peg.support;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves by hand: commands, events and queries all see the scripted time. The
 * application gets it as its {@code Clock} from {@link OrologioDiProva}; events take their timestamp
 * from Axon's static clock instead, which {@link #timbraGliEventi()} points here for as long as the test
 * needs and {@link #ripristinaGliEventi()} gives back.
 */
public class OrologioMobile extends Clock {

    /** Axon's static clock as this JVM found it, before any test moved it. */
    private static final Clock DEGLI_EVENTI = GenericEventMessage.clock;

    private final AtomicReference<Instant> adesso;
    private final ZoneId zona;

    public OrologioMobile(Instant inizio, ZoneId zona) {
        this.adesso = new AtomicReference<>(inizio);
        this.zona = zona;
    }

    public void vaiA(Instant istante) {
        adesso.set(istante);
    }

    /** {@link #vaiA} the local date-time ({@code 2023-01-16T10:00}) in the clock's zone: the time in Italy, as the script reads it. */
    public void vaiAlle(String oraLocale) {
        vaiA(LocalDateTime.parse(oraLocale).atZone(zona).toInstant());
    }

    /** Events are stamped with the scripted time (Axon's static {@link GenericEventMessage#clock}): for the calling test only. */
    public void timbraGliEventi() {
        GenericEventMessage.clock = this;
    }

    /** Events are stamped with the time Axon had before {@link #timbraGliEventi()}; always call it once the test is over. */
    public static void ripristinaGliEventi() {
        GenericEventMessage.clock = DEGLI_EVENTI;
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
