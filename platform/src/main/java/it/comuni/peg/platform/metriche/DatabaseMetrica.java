package it.comuni.peg.platform.metriche;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;

/** peg_database_up: 1 when a connection answers within two seconds, the signal for "database down". */
@Component
public class DatabaseMetrica {

    public DatabaseMetrica(DataSource dataSource, MeterRegistry registry) {
        Gauge.builder("peg_database_up", dataSource, DatabaseMetrica::raggiungibile)
                .description("1 if the database answers, 0 otherwise")
                .register(registry);
    }

    private static double raggiungibile(DataSource dataSource) {
        try (Connection connessione = dataSource.getConnection()) {
            return connessione.isValid(2) ? 1 : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
