package it.comuni.peg.platform.transazioni;

import com.zaxxer.hikari.HikariDataSource;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's half of the bound, on a real MariaDB: every connection of the pool carries
 * idle_transaction_timeout, and a transaction left idle past it is rolled back by the server, its
 * connection closed; a pool whose connections do not carry it stops the start.
 */
class InattivitaSulServerTest {

    private final InattivitaSulServer inattivita = new InattivitaSulServer(new LimiteTransazioni(Duration.ofSeconds(30),
            Duration.ofSeconds(1)));

    @Test
    void anIdleTransactionIsRolledBackByTheServerAndItsConnectionClosed() throws Exception {
        try (HikariDataSource pool = pool(null)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE riga (n INT PRIMARY KEY)");
            }
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO riga VALUES (1)");
                }
                // idle in the transaction, as a process frozen mid-way
                Thread.sleep(3_000);
                assertThatThrownBy(c::commit).isInstanceOf(SQLException.class);
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM riga")) {
                rs.next();
                assertThat(rs.getInt(1)).as("nulla confermato").isZero();
            }
            inattivita.setBeanFactory(conUnico(pool));
            inattivita.afterSingletonsInstantiated();
        }
    }

    @Test
    void aPoolWhoseConnectionsDropTheTimeoutStopsTheStart() throws Exception {
        try (HikariDataSource pool = pool("SET SESSION idle_transaction_timeout = 0")) {
            inattivita.setBeanFactory(conUnico(pool));
            assertThatThrownBy(inattivita::afterSingletonsInstantiated)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("idle_transaction_timeout = 1")
                    .hasMessageContaining("ne applica 0");
        }
    }

    /** A pool on a fresh test database, as the application's, after the post-processor. */
    private HikariDataSource pool(String sqlIniziale) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(MariaDbDiTest.nuovoDatabase());
        pool.setUsername(MariaDbDiTest.utente());
        pool.setPassword(MariaDbDiTest.password());
        pool.setMaximumPoolSize(2);
        pool.setConnectionInitSql(sqlIniziale);
        return (HikariDataSource) inattivita.postProcessAfterInitialization(pool, "dataSource");
    }

    private static StaticListableBeanFactory conUnico(HikariDataSource pool) {
        StaticListableBeanFactory beanFactory = new StaticListableBeanFactory();
        beanFactory.addBean("dataSource", pool);
        return beanFactory;
    }
}
