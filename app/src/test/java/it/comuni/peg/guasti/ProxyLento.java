package it.comuni.peg.guasti;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between the application and MariaDB (NetCrusher) that can hold back every packet, in
 * both directions, by a delay set at any moment: every statement then costs at least twice the
 * delay in round trips, as on a slow or overloaded database. Without a delay it forwards at once.
 */
final class ProxyLento implements AutoCloseable {

    private final NioReactor reactor;
    private final TcpCrusher proxy;
    private final AtomicLong ritardoNanos = new AtomicLong();

    /** Listens on loopback at {@code porta}, forwarding to the database on loopback at {@code portaDatabase}. */
    ProxyLento(int porta, int portaDatabase) throws IOException {
        reactor = new NioReactor();
        Throttler ritardo = buffer -> {
            long nanos = ritardoNanos.get();
            return nanos == 0 ? Throttler.NO_DELAY_NS : nanos;
        };
        proxy = TcpCrusherBuilder.builder()
                .withReactor(reactor)
                .withBindAddress("127.0.0.1", porta)
                .withConnectAddress("127.0.0.1", portaDatabase)
                .withIncomingThrottlerFactory(cliente -> ritardo)
                .withOutgoingThrottlerFactory(cliente -> ritardo)
                .buildAndOpen();
    }

    /** Every packet from now on waits this long in each direction; zero forwards at once again. */
    void ritarda(Duration ritardo) {
        ritardoNanos.set(ritardo.toNanos());
    }

    @Override
    public void close() {
        proxy.close();
        reactor.close();
    }
}
